import { createDispatcher, createSend, type HttpRequest } from "../../execute/http";
import { TokenManager, withAuth } from "../../execute/auth";
import type { RegionTarget } from "../../model";
import { REGIONS } from "../../vocabulary/regions";
import { useHarness, type Harness } from "../testing/harness";

let h: Harness;
useHarness((started) => {
  h = started;
});

/** POST to the global token endpoint with these credentials (the emulator's own by default). */
const askGlobal = (basic: [string, string] = [h.emu.info.clientId, h.emu.info.clientSecret]) =>
  h.raw("POST", "/auth/oauth2/token", { raw: "grant_type=client_credentials", contentType: "application/x-www-form-urlencoded", auth: { basic } });
const globalToken = async (): Promise<string> => {
  const r = await askGlobal();
  expect(r.status).toBe(200);
  return r.body.access_token as string;
};
const apps = (region: string, bearer: string) => h.raw("GET", `/${region}/v1/projects/${h.project}/apps`, { auth: { bearer } });

describe("the global token endpoint (as https://auth.sinch.com/oauth2/token) [sdk: N plugins/oauth2/oauth2-api.ts] [docs: §1] [docs: §2]", () => {
  it("is announced in the emulator's info and issues a token every region accepts", async () => {
    expect(h.emu.info.globalAuthUrl).toBe(h.emu.info.adminUrl.replace(/\/_emulator$/, "/auth"));
    const token = await globalToken();
    for (const region of REGIONS) expect((await apps(region, token)).status).toBe(200);
  });

  it("keeps the regional rule for regional tokens: a US token is refused in the EU and the BR", async () => {
    const us = await h.token("us");
    expect((await apps("us", us)).status).toBe(200);
    for (const region of ["eu", "br"]) {
      const refused = await apps(region, us);
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toContain("issued for region us");
    }
  });

  it("answers bad credentials, other methods and unknown paths in the token endpoint's ORY form [fixture: oauth-error-response.json]", async () => {
    const bad = await askGlobal(["someone", "wrong"]);
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe("invalid_client");
    expect((await h.raw("GET", "/auth/oauth2/token", { auth: "none" })).status).toBe(405);
    const unknown = await h.raw("POST", "/auth/oauth2/nothing-here", { auth: "none", body: {} });
    expect(unknown.status).toBe(404);
    expect(typeof unknown.body.error).toBe("string");
  });

  it("is hit by faults and API changes registered for every region [emulator-only]", async () => {
    await h.admin("POST", "/faults", { path: "/auth/oauth2/token", action: { status: 503 } });
    const faulted = await askGlobal();
    expect(faulted.status).toBe(503);
    expect(faulted.body.error).toEqual(expect.any(String));
    await h.admin("POST", "/changes", { kind: "status", operation: "OAuth2/Get token", status: 500 });
    const changed = await askGlobal();
    expect(changed.status).toBe(500);
    await h.admin("DELETE", "/changes");
    await globalToken();
  });
});

describe("the runner's token manager with the global endpoint [docs: §10]", () => {
  const agent = createDispatcher({ connectTimeoutMs: 2000, requestTimeoutMs: 5000 });
  afterAll(() => agent.close());

  /** Targets as `run --auth global` (or regional, the default) builds them for the in-process emulator. */
  function targets(mode: "global" | "regional"): Record<string, RegionTarget> {
    const all = h.emu.targets().map((t) => (mode === "global" ? { ...t, authUrl: h.emu.info.globalAuthUrl } : t));
    return Object.fromEntries(all.map((t) => [t.region, t]));
  }

  /** GET apps of `region` with the token the auth layer fetched for `tokenRegion`'s target (Bearer), sent to `region`. */
  async function crossRegion(mode: "global" | "regional", tokenRegion: string, region: string): Promise<number> {
    const t = targets(mode);
    const send = withAuth(createSend(agent), { tokens: new TokenManager(createSend(agent)), targets: t });
    const req: HttpRequest = {
      method: "GET", url: `${t[region]?.baseUrl}/v1/projects/${h.project}/apps`, headers: {}, idempotent: true,
      auth: { mode: "oauth2", region: tokenRegion },
    };
    return (await send(req, { attempts: [] })).status;
  }

  /** Concurrent requests to every region, through one token manager; how many token requests reached the emulator. */
  async function tokenRequests(mode: "global" | "regional", clock: { ms: number }, rounds = 1): Promise<number> {
    let asked = 0;
    const real = createSend(agent);
    const counted: typeof real = (req, ctx) => ((asked += 1), real(req, ctx));
    const t = targets(mode);
    const send = withAuth(createSend(agent), { tokens: new TokenManager(counted, { now: () => clock.ms }), targets: t });
    for (let round = 0; round < rounds; round++) {
      if (round > 0) clock.ms += 2 * h.emu.info.tokenLifetimeSec * 1000;
      const statuses = await Promise.all(REGIONS.flatMap((region) => [1, 2, 3].map(async () => (await send({
        method: "GET", url: `${t[region]?.baseUrl}/v1/projects/${h.project}/apps`, headers: {}, idempotent: true, auth: { mode: "oauth2", region },
      }, { attempts: [] })).status)));
      expect(statuses.every((s) => s === 200)).toBe(true);
    }
    return asked;
  }

  it("shares one global token and its refresh between the regions; regional endpoints get one token each", async () => {
    expect(await tokenRequests("global", { ms: Date.now() })).toBe(1);
    expect(await tokenRequests("global", { ms: Date.now() }, 2)).toBe(2);
    expect(await tokenRequests("regional", { ms: Date.now() })).toBe(REGIONS.length);
    expect(await tokenRequests("regional", { ms: Date.now() }, 2)).toBe(2 * REGIONS.length);
  });

  it("sends a global token to every region, where it is valid; regional tokens stay in their region", async () => {
    expect(await crossRegion("global", "us", "us")).toBe(200);
    expect(await crossRegion("global", "us", "eu")).toBe(200);
    expect(await crossRegion("global", "eu", "br")).toBe(200);
    expect(await crossRegion("regional", "us", "us")).toBe(200);
    expect(await crossRegion("regional", "us", "eu")).toBe(401);
  });
});
