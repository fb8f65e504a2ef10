import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveConfig } from "./resolve";
import { resolveTargets } from "./targets";

const CREDS = { SINCH_CLIENT_ID: "id-1", SINCH_CLIENT_SECRET: "secret-1", SINCH_PROJECT_ID: "proj-1" };

function targets(argv: string[], env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), "cc-targets-"))) {
  const { config } = resolveConfig({ argv: ["run", ...argv], env, cwd });
  return resolveTargets(config!, env);
}

describe("resolveTargets", () => {
  it("uses the region's public URLs and the credentials of the environment", () => {
    const { resolved, diagnostics } = targets(["--target", "eu"], CREDS);
    expect(diagnostics).toEqual([]);
    expect(resolved?.regions).toEqual(["eu"]);
    expect(resolved?.targets.eu).toEqual({
      region: "eu", baseUrl: "https://eu.conversation.api.sinch.com", authUrl: "https://eu.auth.sinch.com",
      templateBaseUrl: "https://eu.template.api.sinch.com", projectId: "proj-1", clientId: "id-1", clientSecret: "secret-1",
    });
  });

  it("names each missing credential with CC_MISSING_CREDENTIAL", () => {
    const { resolved, diagnostics } = targets(["--target", "us"], { SINCH_CLIENT_ID: "id" });
    expect(resolved).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["CC_MISSING_CREDENTIAL", "SINCH_CLIENT_SECRET is not set"],
      ["CC_MISSING_CREDENTIAL", "SINCH_PROJECT_ID is not set"],
    ]);
  });

  it("reads credentials from a .env file in cwd, the environment winning", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    writeFileSync(join(cwd, ".env"), "SINCH_CLIENT_ID=file-id\nSINCH_CLIENT_SECRET=file-secret\nSINCH_PROJECT_ID=file-proj\n");
    const { resolved } = targets(["--target", "br"], { SINCH_CLIENT_ID: "env-id" }, cwd);
    expect(resolved?.targets.br).toMatchObject({ clientId: "env-id", clientSecret: "file-secret", projectId: "file-proj" });
  });

  it("points every region at a URL target and takes overrides from a Postman environment", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    const values = [{ key: "AUTH_URL", value: "http://127.0.0.1:9/auth", enabled: true }, { key: "REGION", value: "eu" }];
    writeFileSync(join(cwd, "e.json"), JSON.stringify({ values }));
    const { resolved } = targets(["--target", "http://127.0.0.1:9/api/", "--env", "e.json"], CREDS, cwd);
    expect(resolved?.regions).toEqual(["eu"]);
    expect(resolved?.targets.eu).toMatchObject({ baseUrl: "http://127.0.0.1:9/api", authUrl: "http://127.0.0.1:9/auth", templateBaseUrl: "http://127.0.0.1:9/api" });
  });

  it("takes CLIENT_ID / CLIENT_SECRET / PROJECT of a Postman environment when the environment has none", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    const values = [["BASE_URL", "http://127.0.0.1:8787/us"], ["CLIENT_ID", "emu-id"], ["CLIENT_SECRET", "emu-secret"], ["PROJECT", "emu-proj"]];
    writeFileSync(join(cwd, "emu.json"), JSON.stringify({ values: values.map(([key, value]) => ({ key, value, enabled: true })) }));
    const { resolved } = targets(["--env", "emu.json"], { SINCH_CLIENT_SECRET: "env-secret" }, cwd);
    expect(resolved?.targets.us).toMatchObject({ baseUrl: "http://127.0.0.1:8787/us", clientId: "emu-id", clientSecret: "env-secret", projectId: "emu-proj" });
  });

  it("reports a missing environment file with CC_BAD_ENV_FILE", () => {
    const { resolved, diagnostics } = targets(["--target", "us", "--env", "nope.json"], CREDS);
    expect(resolved).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: "--env nope.json: file not found", file: "nope.json" })]);
  });

  it.each([
    ["bad JSON", "{ values: [", /^--env e\.json: not valid JSON/],
    ["not an environment (an array)", "[1, 2]", /^--env e\.json: not a Postman environment/],
    ["not an environment (no values list)", JSON.stringify({ name: "x", variable: [] }), /^--env e\.json: not a Postman environment/],
    ["a BASE_URL with credentials", JSON.stringify({ values: [{ key: "BASE_URL", value: "http://u:pw@127.0.0.1:9" }] }), /^--env e\.json: BASE_URL must not contain user-info/],
    ["an AUTH_URL that is not a URL", JSON.stringify({ values: [{ key: "AUTH_URL", value: "somewhere" }] }), /^--env e\.json: AUTH_URL is not an http\(s\) URL/],
  ])("rejects an environment file that is %s with CC_BAD_ENV_FILE", (_what, text, message) => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    writeFileSync(join(cwd, "e.json"), text);
    const { resolved, diagnostics } = targets(["--target", "http://127.0.0.1:9", "--env", "e.json"], CREDS, cwd);
    expect(resolved).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe("CC_BAD_ENV_FILE");
    expect(diagnostics[0]?.message).toMatch(message);
    expect(JSON.stringify(diagnostics)).not.toContain("pw@");
  });

  it("rejects an environment file that is a directory with CC_BAD_ENV_FILE", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    mkdirSync(join(cwd, "env-dir"));
    const { diagnostics } = targets(["--target", "us", "--env", "env-dir"], CREDS, cwd);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: "--env env-dir: is a directory, not a file" })]);
  });

  it("rejects a .env that is a directory with CC_BAD_ENV_FILE instead of crashing", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    mkdirSync(join(cwd, ".env"));
    const { resolved, diagnostics } = targets(["--target", "us"], CREDS, cwd);
    expect(resolved).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: ".env is a directory, not a file" })]);
  });

  it("rejects an unreadable .env with CC_BAD_ENV_FILE", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    writeFileSync(join(cwd, ".env"), "SINCH_CLIENT_ID=x\n");
    chmodSync(join(cwd, ".env"), 0o000);
    let readable = true;
    try {
      readFileSync(join(cwd, ".env"));
    } catch {
      readable = false;
    }
    const { diagnostics } = targets(["--target", "us"], CREDS, cwd);
    // root reads any file; then the .env is simply used
    if (readable) expect(diagnostics).toEqual([]);
    else expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: ".env cannot be read (permission denied)" })]);
  });
});
