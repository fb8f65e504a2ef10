import type { BackoffPolicy } from "../../model";
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

  it("fails with CC_TOKEN_FAILED when the endpoint cannot be reached", async () => {
    const tokens = new TokenManager(base);
    const target = { ...api.target("us"), authUrl: "http://127.0.0.1:1/auth" };
    await expect(tokens.token(target)).rejects.toMatchObject({ code: "CC_TOKEN_FAILED" });
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
