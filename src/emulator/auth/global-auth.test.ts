import { createDispatcher, createSend, type HttpRequest } from "../../execute/http";
import { TokenManager, withAuth } from "../../execute/auth";
import type { RegionTarget } from "../../model";
import { REGIONS } from "../../vocabulary/regions";
import { useHarness, type Harness } from "../testing/harness";

let h: Harness;
useHarness((started) => {
  h = started;
});

const FORM = "application/x-www-form-urlencoded";
const globalToken = async (): Promise<string> => {
  const r = await h.raw("POST", "/auth/oauth2/token", { raw: "grant_type=client_credentials", contentType: FORM, auth: { basic: [h.emu.info.clientId, h.emu.info.clientSecret] } });
  expect(r.status).toBe(200);
  return r.body.access_token as string;
};
const apps = (region: string, bearer: string) => h.raw("GET", `/${region}/v1/projects/${h.project}/apps`, { auth: { bearer } });

describe("the global token endpoint (as https://auth.sinch.com/oauth2/token)", () => {
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

  it("answers bad credentials, other methods and unknown paths in the token endpoint's ORY form", async () => {
    const bad = await h.raw("POST", "/auth/oauth2/token", { raw: "grant_type=client_credentials", contentType: FORM, auth: { basic: ["someone", "wrong"] } });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe("invalid_client");
    expect((await h.raw("GET", "/auth/oauth2/token", { auth: "none" })).status).toBe(405);
    const unknown = await h.raw("POST", "/auth/oauth2/nothing-here", { auth: "none", body: {} });
    expect(unknown.status).toBe(404);
    expect(typeof unknown.body.error).toBe("string");
  });

  it("is hit by faults and API changes registered for every region", async () => {
    await h.admin("POST", "/faults", { path: "/auth/oauth2/token", action: { status: 503 } });
    const faulted = await h.raw("POST", "/auth/oauth2/token", { raw: "grant_type=client_credentials", contentType: FORM, auth: { basic: [h.emu.info.clientId, h.emu.info.clientSecret] } });
    expect(faulted.status).toBe(503);
    expect(faulted.body.error).toEqual(expect.any(String));
    await h.admin("POST", "/changes", { kind: "status", operation: "OAuth2/Get token", status: 500 });
    const changed = await h.raw("POST", "/auth/oauth2/token", { raw: "grant_type=client_credentials", contentType: FORM, auth: { basic: [h.emu.info.clientId, h.emu.info.clientSecret] } });
    expect(changed.status).toBe(500);
    await h.admin("DELETE", "/changes");
    await globalToken();
  });
});

describe("the runner's token manager with the global endpoint", () => {
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

  it("fetches one global token per region target, valid in every region; regional tokens stay in their region", async () => {
    expect(await crossRegion("global", "us", "us")).toBe(200);
    expect(await crossRegion("global", "us", "eu")).toBe(200);
    expect(await crossRegion("global", "eu", "br")).toBe(200);
    expect(await crossRegion("regional", "us", "us")).toBe(200);
    expect(await crossRegion("regional", "us", "eu")).toBe(401);
  });
});
