import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { BackoffPolicy, RegionTarget } from "../../model";
import { createDispatcher, createSend, withRetry, type HttpRequest, type SendContext } from "../http";
import { startFakeApi, type FakeApi } from "../testing/fake-api";
import { jwtExpiry, refreshAt } from "./token-lifetime";
import { TokenManager } from "./token-manager";
import { withAuth } from "./with-auth";

const policy: BackoffPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxTotalMs: 5000 };
const agent = createDispatcher({ connectTimeoutMs: 2000, requestTimeoutMs: 5000 });
const base = withRetry(createSend(agent), { policy });
let api: FakeApi;

beforeEach(async () => { api = await startFakeApi(); });
afterEach(async () => { await api.close(); });
afterAll(async () => { await agent.close(); });

const getContact = (region: string): HttpRequest => ({
  method: "GET", url: `${api.base}/${region}/v1/projects/p/contacts/none`, headers: {}, idempotent: true, auth: { mode: "oauth2", region },
});

describe("token manager", () => {
  it("fetches one token for ten concurrent callers of a region, one per region", async () => {
    const tokens = new TokenManager(base);
    const us = api.target("us");
    const eu = api.target("eu");
    const got = await Promise.all([...Array.from({ length: 10 }, () => tokens.token(us)), tokens.token(eu), tokens.token(eu)]);
    expect(api.tokenFetches).toEqual({ us: 1, eu: 1 });
    expect(new Set(got.slice(0, 10)).size).toBe(1);
    expect(got[10]).not.toBe(got[0]);
    expect(await tokens.token(us)).toBe(got[0]);
    expect(api.tokenFetches.us).toBe(1);
  });

  it("refreshes ahead of the JWT exp", async () => {
    let clock = Date.now();
    const tokens = new TokenManager(base, { now: () => clock });
    const us = api.target("us");
    const first = await tokens.token(us);
    clock += 3600_000 - 61_000;
    expect(await tokens.token(us)).toBe(first);
    clock += 2_000;
    const second = await tokens.token(us);
    expect(second).not.toBe(first);
    expect(api.tokenFetches.us).toBe(2);
  });

  it("rejects bad credentials with CC_CREDENTIALS_REJECTED and asks only once", async () => {
    api.options.rejectCredentials = true;
    const tokens = new TokenManager(base);
    await expect(tokens.token(api.target("us"))).rejects.toMatchObject({ code: "CC_CREDENTIALS_REJECTED" });
    await expect(tokens.token(api.target("us"))).rejects.toMatchObject({ code: "CC_CREDENTIALS_REJECTED" });
    expect(api.tokenFetches.us).toBe(1);
  });

  it("fails with CC_TARGET_UNREACHABLE when the endpoint cannot be reached, CC_TOKEN_FAILED when it answers without a token", async () => {
    const tokens = new TokenManager(base);
    const target = { ...api.target("us"), authUrl: "http://127.0.0.1:1/auth" };
    await expect(tokens.token(target)).rejects.toMatchObject({ code: "CC_TARGET_UNREACHABLE" });
    await expect(tokens.token({ ...api.target("us"), authUrl: `${api.base}/us/nothing-here` })).rejects.toMatchObject({ code: "CC_TOKEN_FAILED" });
  });

  it("says where it looked when the token endpoint is not there (404), without the URL's user", async () => {
    const tokens = new TokenManager(base);
    const authUrl = `${api.base.replace("://", "://someone:pw@")}/us/nothing-here`;
    const error = (await tokens.token({ ...api.target("us"), authUrl }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`token request for region us failed with status 404 (nothing at ${api.base}/us/nothing-here/oauth2/token: the token endpoint is AUTH_URL + /oauth2/token, and an --env file sets AUTH_URL)`);
  });
});

describe("auth layer", () => {
  it("refetches once and retries the request on a 401 for an expired token", async () => {
    const tokens = new TokenManager(base);
    const send = withAuth(base, { tokens, targets: api.targets(["us"]) });
    const stale = await tokens.token(api.target("us"));
    api.expired.add(stale);
    const ctx: SendContext = { attempts: [] };
    const res = await send(getContact("us"), ctx);
    expect(res.status).toBe(404);
    expect(ctx.attempts.map((a) => [a.status, a.retryReason])).toEqual([[401, "token expired"], [404, undefined]]);
    expect(api.tokenFetches.us).toBe(2);
    expect(await tokens.token(api.target("us"))).not.toBe(stale);
  });

  it("never sends a region's token to another region", async () => {
    const tokens = new TokenManager(base);
    const send = withAuth(base, { tokens, targets: api.targets(["us", "eu"]) });
    expect((await send(getContact("us"), { attempts: [] })).status).toBe(404);
    expect((await send(getContact("eu"), { attempts: [] })).status).toBe(404);
    const [us, eu] = api.authSeen.map((h) => JSON.parse(Buffer.from(h.split(".")[1]!, "base64url").toString()).region);
    expect([us, eu]).toEqual(["us", "eu"]);
  });

  it("sends the key as Basic on every call in basic mode", async () => {
    const send = withAuth(base, { tokens: new TokenManager(base), targets: api.targets(["us"]) });
    const req = (): HttpRequest => ({ ...getContact("us"), headers: {}, auth: { mode: "basic", region: "us" } });
    await send(req(), { attempts: [] });
    await send(req(), { attempts: [] });
    expect(api.authSeen).toEqual([expect.stringMatching(/^Basic /), expect.stringMatching(/^Basic /)]);
    expect(api.tokenFetches.us).toBeUndefined();
  });
});

describe("auth layer: which 401s refresh the token", () => {
  /** A server whose API answers every call with 401 and the given WWW-Authenticate; its token endpoint counts fetches. */
  async function unauthorizedApi(wwwAuthenticate: string | undefined) {
    const seen = { tokens: 0, calls: 0 };
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (req.url === "/auth/oauth2/token") {
          seen.tokens++;
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: `opaque-token-${seen.tokens}`, token_type: "Bearer", expires_in: 3600 }));
          return;
        }
        seen.calls++;
        res.writeHead(401, { "content-type": "application/json", ...(wwwAuthenticate ? { "www-authenticate": wwwAuthenticate } : {}) })
          .end(JSON.stringify({ error: { code: 401, message: "no", status: "UNAUTHENTICATED", details: [] } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const target: RegionTarget = { region: "us", baseUrl: url, authUrl: `${url}/auth`, templateBaseUrl: url, projectId: "p", clientId: "c", clientSecret: "secret-1" };
    const close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
    return { seen, target, close };
  }

  async function callOnce(wwwAuthenticate: string | undefined) {
    const api = await unauthorizedApi(wwwAuthenticate);
    try {
      const tokens = new TokenManager(base);
      const send = withAuth(base, { tokens, targets: { us: api.target } });
      const ctx: SendContext = { attempts: [] };
      const res = await send({ method: "GET", url: `${api.target.baseUrl}/v1/x`, headers: {}, idempotent: true, auth: { mode: "oauth2", region: "us" } }, ctx);
      return { status: res.status, ...api.seen, reasons: ctx.attempts.map((a) => a.retryReason) };
    } finally {
      await api.close();
    }
  }

  it("does not retry a 401 invalid_token that does not say expired (a refused token, not an old one)", async () => {
    const r = await callOnce('Bearer realm="sinch", error="invalid_token", error_description="signature mismatch"');
    expect(r).toEqual({ status: 401, tokens: 1, calls: 1, reasons: [undefined] });
  });

  it("does not retry a 401 without WWW-Authenticate", async () => {
    expect(await callOnce(undefined)).toMatchObject({ status: 401, tokens: 1, calls: 1 });
  });

  it("refreshes once on a 401 whose WWW-Authenticate says expired, in any case", async () => {
    const r = await callOnce('Bearer error="invalid_token", error_description="Jwt EXPIRED at 2024-07-08T22:12:28Z"');
    expect(r).toEqual({ status: 401, tokens: 2, calls: 2, reasons: ["token expired", undefined] });
  });
});

describe("token lifetime", () => {
  it("reads exp from a JWT and refreshes a minute (or 10% of a short life) ahead", () => {
    const now = 1_700_000_000_000;
    const jwt = (exp: number): string => `a.${Buffer.from(JSON.stringify({ exp })).toString("base64url")}.c`;
    expect(jwtExpiry(jwt(5))).toBe(5);
    expect(jwtExpiry("opaque")).toBeUndefined();
    expect(refreshAt(jwt(now / 1000 + 3600), undefined, now)).toBe(now + 3540_000);
    expect(refreshAt(jwt(now / 1000 + 100), undefined, now)).toBe(now + 90_000);
    expect(refreshAt("opaque", 3600, now)).toBe(now + 3540_000);
    expect(refreshAt("opaque", undefined, now)).toBe(Number.POSITIVE_INFINITY);
  });
});
