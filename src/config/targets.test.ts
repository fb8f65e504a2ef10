import { mkdtempSync, writeFileSync } from "node:fs";
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

  it("reports a missing environment file", () => {
    const { diagnostics } = targets(["--target", "us", "--env", "nope.json"], CREDS);
    expect(diagnostics[0]).toMatchObject({ code: "CC_BAD_OPTION", message: "--env nope.json: file not found" });
  });
});
