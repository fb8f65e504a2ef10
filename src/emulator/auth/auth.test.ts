import { startHarness, useHarness, type Harness } from "../testing/harness";

let h: Harness;
useHarness((started) => {
  h = started;
});

const form = { contentType: "application/x-www-form-urlencoded" };

describe("token endpoint", () => {
  it("issues a Bearer JWT with exp, region, client and project claims [fixture: oauth-token-response.json] [docs: §2]", async () => {
    const r = await h.raw("POST", "/eu/auth/oauth2/token", { ...form, raw: "grant_type=client_credentials", auth: { basic: ["emulator-client", "emulator-secret"] } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "" });
    const claims = JSON.parse(Buffer.from(r.body.access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ region: "eu", client_id: "emulator-client", project_id: h.project });
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it("rejects wrong credentials with 401 and an ORY-style body [fixture: oauth-error-response.json]", async () => {
    const r = await h.raw("POST", "/us/auth/oauth2/token", { ...form, raw: "grant_type=client_credentials", auth: { basic: ["emulator-client", "nope"] } });
    expect(r.status).toBe(401);
    expect(Object.keys(r.body).sort()).toEqual(["error", "error_description", "error_hint", "error_verbose"]);
    expect(r.body.error).toBe("invalid_client");
    expect(r.text).not.toContain("emulator-secret");
  });

  it("rejects a missing or wrong grant_type with 400 [docs: §2]", async () => {
    const auth = { basic: ["emulator-client", "emulator-secret"] as [string, string] };
    const missing = await h.raw("POST", "/us/auth/oauth2/token", { ...form, raw: "", auth });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_request");
    const wrong = await h.raw("POST", "/us/auth/oauth2/token", { ...form, raw: "grant_type=password", auth });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("unsupported_grant_type");
  });

  it("accepts client_secret_post credentials in the form body [emulator-only]", async () => {
    const r = await h.raw("POST", "/br/auth/oauth2/token", { ...form, raw: "grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secret", auth: "none" });
    expect(r.status).toBe(200);
  });
});

describe("API authentication", () => {
  it("accepts Bearer tokens and Basic key:secret [docs: §2]", async () => {
    expect((await h.api("GET", "/apps")).status).toBe(200);
    expect((await h.api("GET", "/apps", { auth: { basic: ["emulator-client", "emulator-secret"] } })).status).toBe(200);
    expect((await h.api("GET", "/templates", { host: "template", auth: { basic: ["emulator-client", "emulator-secret"] } })).status).toBe(200);
  });

  it("answers 401 UNAUTHENTICATED for missing, wrong and forged credentials [fixture: error-response-unauthenticated.json]", async () => {
    for (const auth of ["none", { basic: ["emulator-client", "bad"] }, { bearer: "a.b.c" }, { bearer: "garbage" }] as const) {
      const r = await h.api("GET", "/apps", { auth: auth as never });
      expect(r.status).toBe(401);
      expect(r.body.error.status).toBe("UNAUTHENTICATED");
    }
  });

  it("rejects a token of another region with 401 [docs: §1]", async () => {
    const eu = await h.token("eu");
    const r = await h.api("GET", "/apps", { region: "us", auth: { bearer: eu } });
    expect(r.status).toBe(401);
    expect(r.body.error.status).toBe("UNAUTHENTICATED");
    expect((await h.api("GET", "/apps", { region: "eu", auth: { bearer: eu } })).status).toBe(200);
  });

  it("answers 403 PERMISSION_DENIED for another project's path [docs: §8]", async () => {
    const r = await h.raw("GET", "/us/v1/projects/someone-else/apps");
    expect(r.status).toBe(403);
    expect(r.body.error.status).toBe("PERMISSION_DENIED");
    const b = await h.raw("GET", "/us/v1/projects/someone-else/apps", { auth: { basic: ["emulator-client", "emulator-secret"] } });
    expect(b.status).toBe(403);
  });
});

describe("token expiry", () => {
  it("answers 401 with WWW-Authenticate invalid_token / Jwt expired at <ISO> [docs: §2] [sdk: D tests/Sinch.Tests/Core/HttpTests.cs]", async () => {
    const short = await startHarness({ tokenLifetimeSec: 0 });
    try {
      const tok = await short.token("us");
      const r = await short.api("GET", "/apps", { auth: { bearer: tok } });
      expect(r.status).toBe(401);
      expect(r.body.error.status).toBe("UNAUTHENTICATED");
      expect(String(r.headers["www-authenticate"])).toMatch(/^Bearer error="invalid_token", error_description="Jwt expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
      expect(short.problems).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it("does not accept tokens of another emulator instance [emulator-only]", async () => {
    const other = await startHarness();
    try {
      const foreign = await other.token("us");
      expect((await h.api("GET", "/apps", { auth: { bearer: foreign } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
