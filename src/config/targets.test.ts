import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Diagnostic } from "../model";
import { resolveConfig } from "./resolve";
import { readRunEnvironments, resolveTargets, runInputNames } from "./targets";

const CREDS = { SINCH_CLIENT_ID: "id-1", SINCH_CLIENT_SECRET: "secret-1", SINCH_PROJECT_ID: "proj-1" };

/** As a run does it: the environment files are read (and checked) first, then the targets are resolved. */
function targets(argv: string[], env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), "cc-targets-"))) {
  const { config, diagnostics: configProblems } = resolveConfig({ argv: ["run", ...argv], env, cwd });
  if (!config) throw new Error(configProblems.map((d) => d.message).join("; "));
  const read: Diagnostic[] = [];
  const envs = readRunEnvironments(config, read);
  if (read.length > 0) return { resolved: undefined, diagnostics: read, names: [] };
  return { ...resolveTargets(config, env, envs), names: runInputNames(config, envs) };
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

  it("--auth global sends every region target's token requests to the global endpoint, over an environment file's AUTH_URL", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    const file = join(cwd, "eu.json");
    writeFileSync(file, JSON.stringify({ values: [{ key: "AUTH_URL", value: "https://eu.auth.sinch.com", enabled: true }] }));
    const { resolved } = targets(["--target", "us", "--region", "us,eu,br", "--auth", "global", "--env", `eu=${file}`], CREDS, cwd);
    expect(Object.values(resolved?.targets ?? {}).map((t) => [t.region, t.authUrl, t.baseUrl])).toEqual([
      ["us", "https://auth.sinch.com", "https://us.conversation.api.sinch.com"],
      ["eu", "https://auth.sinch.com", "https://eu.conversation.api.sinch.com"],
      ["br", "https://auth.sinch.com", "https://br.conversation.api.sinch.com"],
    ]);
    // regional (the default): each region's own token endpoint
    expect(targets(["--target", "br"], CREDS).resolved?.targets.br?.authUrl).toBe("https://br.auth.sinch.com");
    // a URL target names its own token endpoint: --auth does not move it
    expect(targets(["--target", "http://127.0.0.1:9/api", "--auth", "global"], CREDS).resolved?.targets.us?.authUrl).toBe("http://127.0.0.1:9/api");
  });

  it("refuses an unknown --auth mode with a did-you-mean", () => {
    const { config, diagnostics } = resolveConfig({ argv: ["run", "--auth", "globl"], env: {}, cwd: tmpdir() });
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([["CC_BAD_OPTION", '--auth: unknown auth mode "globl"', "did you mean global?"]]);
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
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: "environment file nope.json: file not found", file: "nope.json" })]);
  });

  it.each([
    ["bad JSON", "{ values: [", /^environment file e\.json: not valid JSON/],
    ["not an environment (an array)", "[1, 2]", /^environment file e\.json: not a Postman environment/],
    ["not an environment (no values list)", JSON.stringify({ name: "x", variable: [] }), /^environment file e\.json: not a Postman environment/],
    ["a BASE_URL with credentials", JSON.stringify({ values: [{ key: "BASE_URL", value: "http://u:pw@127.0.0.1:9" }] }), /^BASE_URL must not contain user-info/],
    ["an AUTH_URL that is not a URL", JSON.stringify({ values: [{ key: "AUTH_URL", value: "somewhere" }] }), /^AUTH_URL is not an http\(s\) URL/],
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
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: "environment file env-dir: is a directory, not a file" })]);
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

describe("one environment file per region", () => {
  function envFile(cwd: string, name: string, values: Record<string, string>, secret: string[] = []): void {
    const list = Object.entries(values).map(([key, value]) => ({ key, value, enabled: true, ...(secret.includes(key) ? { type: "secret" } : {}) }));
    writeFileSync(join(cwd, name), JSON.stringify({ values: list }));
  }

  it("builds each region's target from its own file, and every value is a variable of that region", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    envFile(cwd, "us.json", { REGION: "us", BASE_URL: "http://127.0.0.1:9/us", AUTH_URL: "http://127.0.0.1:9/us/auth", PHONE: "+1555" });
    envFile(cwd, "eu.json", { REGION: "eu", BASE_URL: "http://127.0.0.1:9/eu", PHONE: "+4670", API_KEY: "eu-key-1" }, ["API_KEY"]);
    const { resolved, diagnostics, names } = targets(["--env", "us=us.json", "--env", "eu=eu.json", "--var", "SHARED=1"], CREDS, cwd);
    expect(diagnostics).toEqual([]);
    expect(resolved?.regions).toEqual(["us", "eu"]);
    expect(resolved?.targets.us).toMatchObject({ baseUrl: "http://127.0.0.1:9/us", authUrl: "http://127.0.0.1:9/us/auth" });
    expect(resolved?.targets.eu).toMatchObject({ baseUrl: "http://127.0.0.1:9/eu", authUrl: "http://127.0.0.1:9/eu" });
    expect(resolved?.regionValues.us?.PHONE).toBe("+1555");
    expect(resolved?.regionValues.eu?.PHONE).toBe("+4670");
    expect(resolved?.secrets).toEqual(["eu-key-1"]);
    expect(names.sort()).toEqual(["API_KEY", "AUTH_URL", "BASE_URL", "PHONE", "REGION", "SHARED"]);
  });

  it("layers a region's file over the file for every region; plain --env FILE still works alone", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    envFile(cwd, "all.json", { BASE_URL: "http://127.0.0.1:9/us", PHONE: "+1555", REGION: "us" });
    envFile(cwd, "eu.json", { BASE_URL: "http://127.0.0.1:9/eu" });
    const both = targets(["--env", "all.json", "--env", "eu=eu.json"], CREDS, cwd);
    expect(both.resolved?.regions).toEqual(["eu", "us"]);
    expect(both.resolved?.regionValues.eu).toMatchObject({ BASE_URL: "http://127.0.0.1:9/eu", PHONE: "+1555" });
    const alone = targets(["--env", "all.json"], CREDS, cwd);
    expect(alone.resolved?.regions).toEqual(["us"]);
    expect(alone.resolved?.targets.us?.baseUrl).toBe("http://127.0.0.1:9/us");
  });

  it("refuses a region of --region that has no file when the files are the target, and never guesses a public host", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-targets-"));
    envFile(cwd, "us.json", { BASE_URL: "http://127.0.0.1:9/us" });
    const { diagnostics } = targets(["--env", "us=us.json", "--region", "us,eu"], CREDS, cwd);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: "region eu has no environment file" })]);
    envFile(cwd, "nobase.json", { REGION: "us" });
    expect(targets(["--env", "nobase.json"], CREDS, cwd).diagnostics).toEqual([
      expect.objectContaining({ code: "CC_BAD_ENV_FILE", message: "environment file nobase.json has no BASE_URL", file: "nobase.json" }),
    ]);
  });

  it("rejects two files for one region, or two for every region, and a file for an unknown region", () => {
    const problems = (argv: string[]) => resolveConfig({ argv: ["run", ...argv], env: {}, cwd: tmpdir() }).diagnostics.map((d) => d.message);
    expect(problems(["--env", "us=a.json", "--env", "us=b.json"])).toEqual(["--env: two environment files for region us (a.json and b.json)"]);
    expect(problems(["--env", "a.json", "--env", "b.json"])).toEqual(["--env: two environment files for every region (a.json and b.json)"]);
    expect(problems(["--env", "ue=a.json"])).toEqual(['--env: unknown region "ue" in "ue=a.json"']);
  });
});
