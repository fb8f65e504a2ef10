import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { junitXsdErrors } from "../testdata/junit-xsd";
import { CLI, runBuiltCli, type CliRun } from "./cli-process";
import { startFakeApi, type FakeApi } from "./fake-api";
import { expectGolden, scrub } from "./golden";

const FIXTURES = join(__dirname, "fixtures");
const CLIENT_ID = "e2e-client";
const SECRET = "e2e-very-secret-client-secret";
const TOKEN = "e2e-token-4f9a1c7d2b8e6f3a0c5d9e1b";
const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString("base64");
const CREDS = { SINCH_CLIENT_ID: CLIENT_ID, SINCH_CLIENT_SECRET: SECRET, SINCH_PROJECT_ID: "e2e-project", CI: "true" };

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi({ clientId: CLIENT_ID, clientSecret: SECRET, token: TOKEN });
});
afterAll(() => api.close());

interface Run extends CliRun {
  out: string;
  junit?: string;
  results?: string;
}

/** Runs the CLI from the fixtures folder (suite paths relative to it) with reports in a fresh directory. */
async function run(args: string[], env: Record<string, string> = CREDS): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), "cc-e2e-"));
  const outFlag = args[0] === "run" ? ["--out", out] : [];
  const result = await runBuiltCli([...args, "--collections", "collections", "--schemas", "schemas", ...outFlag], { cwd: FIXTURES, env });
  const read = (f: string) => (existsSync(join(out, f)) ? readFileSync(join(out, f), "utf8") : undefined);
  return { ...result, out, junit: read("junit.xml"), results: read("results.json") };
}

async function validateJunit(dir: string): Promise<void> {
  expect(await junitXsdErrors(readFileSync(join(dir, "junit.xml"), "utf8"))).toEqual([]);
}

describe("conversation-contract run (built CLI, fake API)", () => {
  it("exits 0 when every check holds, with console and JUnit output as in the golden files", async () => {
    const r = await run(["run", "suites/green.yaml", "--target", api.url]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectGolden("green.stdout.txt", scrub(r.stdout, [[r.out, "<OUT>"]]));
    expectGolden("green.junit.xml", scrub(r.junit ?? ""));
    expect(JSON.parse(r.results ?? "{}")).toMatchObject({ formatVersion: 3, footer: { totals: { steps: 3, passed: 3, failed: 0 }, interrupted: false } });
    await validateJunit(r.out);
  });

  it("exits 1 on a broken contract, names the step as file:line and the schema rule", async () => {
    const r = await run(["run", "suites/broken.yaml", "--target", api.url]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("suites/broken.yaml:");
    expect(r.stdout).toContain("/size");
    expectGolden("broken.stdout.txt", scrub(r.stdout, [[r.out, "<OUT>"]]));
    expectGolden("broken.junit.xml", scrub(r.junit ?? ""));
    expect(r.junit).toContain("<failure ");
    await validateJunit(r.out);
  });

  it("never shows the client secret, the token or the Basic credentials anywhere", async () => {
    const r = await run(["run", "suites/broken.yaml", "--target", api.url]);
    expect(r.code).toBe(1);
    for (const [name, text] of Object.entries({ stdout: r.stdout, stderr: r.stderr, junit: r.junit ?? "", results: r.results ?? "" })) {
      for (const secret of [SECRET, TOKEN, BASIC]) {
        if (text.includes(secret)) throw new Error(`${name} contains a secret (${secret.slice(0, 6)}...)`);
      }
    }
    expect(r.results).toContain("[REDACTED]");
  });

  it("exits 2 on an invalid suite with file:line:column, sending nothing", async () => {
    const before = api.count();
    const r = await run(["run", "suites/invalid.yaml", "--target", api.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/suites\/invalid\.yaml:4:\d+/);
    expect(r.stderr).toContain("CC_UNKNOWN_REQUEST");
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expectGolden("invalid.stderr.txt", scrub(r.stderr));
    expect(api.count()).toBe(before);
  });

  it("exits 3 when the target is unreachable", async () => {
    const port = await closedPort();
    const r = await run(["run", "suites/green.yaml", "--target", `http://127.0.0.1:${port}`, "--retries", "0"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error[CC_TARGET_UNREACHABLE]: no step could reach http://127.0.0.1:${port}`);
  });

  it("exits 3 when the credentials are rejected", async () => {
    const r = await run(["run", "suites/green.yaml", "--target", api.url], { ...CREDS, SINCH_CLIENT_SECRET: "wrong-secret-value" });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("error[CC_CREDENTIALS_REJECTED]");
    expect(r.stdout + r.stderr).not.toContain("wrong-secret-value");
  });

  it("exits 2 with CC_MISSING_CREDENTIAL naming the missing variable", async () => {
    const r = await run(["run", "suites/green.yaml", "--target", api.url], { SINCH_CLIENT_ID: CLIENT_ID, SINCH_PROJECT_ID: "p" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[CC_MISSING_CREDENTIAL]: SINCH_CLIENT_SECRET is not set");
  });

  it("exits 2 on a target URL with credentials or a query, sending nothing and never echoing them", async () => {
    const before = api.count();
    const r = await run(["run", "suites/green.yaml", "--target", `${api.url.replace("http://", "http://admin:pw-e2e-1234@")}/?apikey=e2e-key-5678`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[CC_BAD_OPTION]: --target: the URL must not contain user-info (user:password@), a query (?...)");
    expect(r.stderr).toContain("credentials come from SINCH_CLIENT_ID/SINCH_CLIENT_SECRET or .env");
    for (const leak of ["pw-e2e-1234", "e2e-key-5678", "admin:"]) expect(r.stdout + r.stderr).not.toContain(leak);
    expect(r.results).toBeUndefined();
    expect(r.junit).toBeUndefined();
    expect(api.count()).toBe(before);
  });

  it("exits 2 on a --callback-url with credentials", async () => {
    const r = await run(["run", "suites/green.yaml", "--target", api.url, "--callback-url", "https://u:cb-secret-99@hooks.example.com/x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[CC_BAD_OPTION]: --callback-url: the URL must not contain user-info");
    expect(r.stderr).not.toContain("cb-secret-99");
  });

  it("exits 2 with CC_BAD_ENV_FILE for an --env file that is not an environment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-e2e-env-"));
    writeFileSync(join(dir, "env.json"), "{ nope");
    const r = await run(["run", "suites/green.yaml", "--target", api.url, "--env", join(dir, "env.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[CC_BAD_ENV_FILE]");
    expect(r.stderr).toContain("not valid JSON");
  });

  it("exits 2 with CC_NOTHING_SELECTED on stderr when the filters select nothing, before sending anything", async () => {
    const before = api.count();
    const r = await run(["run", "suites/green.yaml", "--target", api.url, "--tag", "nonexistent"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[CC_NOTHING_SELECTED]: no suite selected by tag nonexistent, region us");
    expect(r.stderr).toContain("= hint: no suite has tag nonexistent; the suites' tags:");
    expect(api.count()).toBe(before);
  });

  it("exits 3 with CC_REPORT_WRITE when --out is an existing file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-e2e-outfile-"));
    const file = join(dir, "not-a-dir");
    writeFileSync(file, "x");
    const r = await runBuiltCli(["run", "suites/green.yaml", "--target", api.url, "--collections", "collections", "--schemas", "schemas", "--out", file], { cwd: FIXTURES, env: CREDS });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/error\[CC_REPORT_WRITE\]: could not write a report: /);
    expect(r.stderr).toContain("= hint: check that --out names a writable directory");
    expect(r.stdout).toContain("3 passed");
  });

  it("still writes the other report when one cannot be written, and exits 3", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-e2e-outdir-"));
    mkdirSync(join(out, "junit.xml"));
    const r = await runBuiltCli(["run", "suites/green.yaml", "--target", api.url, "--collections", "collections", "--schemas", "schemas", "--out", out], { cwd: FIXTURES, env: CREDS });
    expect(r.code).toBe(3);
    expect(r.stderr.match(/error\[CC_REPORT_WRITE\]/g)).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(out, "results.json"), "utf8"))).toMatchObject({ formatVersion: 3, footer: { totals: { passed: 3 } } });
  });

  it("exits 2 on a mistyped flag, with a did-you-mean", async () => {
    const r = await run(["run", "--concurency", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[CC_BAD_OPTION]: unknown option --concurency");
    expect(r.stderr).toContain("did you mean --concurrency?");
  });
});

describe("interrupting a run (built CLI)", () => {
  it("on SIGINT runs the teardown, writes the reports and exits 3", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-e2e-int-"));
    const child = spawn(process.execPath, [CLI, "run", "suites/slow.yaml", "--target", api.url, "--collections", "collections", "--schemas", "schemas", "--out", out], {
      cwd: FIXTURES, env: { PATH: process.env.PATH ?? "", ...CREDS }, stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
    const seen = api.log().length;
    const getSent = () => api.log().slice(seen).some((l) => /^GET \/v1\/projects\/e2e-project\/things\//.test(l));
    for (let i = 0; i < 1000 && !getSent(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(getSent()).toBe(true);
    child.kill("SIGINT");
    expect(await exited).toBe(3);
    expect(stderr).toContain("SIGINT: stopping; teardowns run and reports are written");
    expect(api.log().slice(seen).filter((l) => l.startsWith("DELETE ")).length).toBe(1);
    expect(existsSync(join(out, "junit.xml"))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "results.json"), "utf8"))).toMatchObject({ formatVersion: 3, footer: { interrupted: true } });
  });
});

describe("conversation-contract check (built CLI)", () => {
  it("prints diagnostics and exits 2 for an invalid suite", async () => {
    const r = await run(["check", "suites/invalid.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[CC_UNKNOWN_REQUEST\].*\n {2}--> suites\/invalid\.yaml:4:\d+/);
    expect(r.stderr).toContain("Things/Create thing");
  });

  it("exits 0 for valid suites", async () => {
    const r = await run(["check", "suites/green.yaml", "suites/broken.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ok: 2 suite(s)");
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("conversation-contract coverage and emulator (built CLI)", () => {
  it("prints which operations the suites exercise", async () => {
    const r = await run(["coverage", "suites/green.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3/3 operations exercised (100%)");
  });

  it("serves the emulator, prints one JSON line and stops on SIGTERM with exit 0", async () => {
    const child = spawn(process.execPath, [CLI, "emulator", "--json"], { cwd: FIXTURES, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
    for (let i = 0; i < 1000 && !stdout.includes("\n"); i++) await new Promise((r) => setTimeout(r, 10));
    const info = JSON.parse(stdout.split("\n")[0] ?? "");
    expect(info).toMatchObject({ projectId: "6f2b1e0a-5c1d-4c39-9d1e-0e6a1c0ffee0", clientId: "emulator-client" });
    expect(info.regions.br.templateBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/br\/template$/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // the emulator has no teardowns or reports: the run's message would mislead
    expect(stderr).toContain("SIGTERM: stopping");
    expect(stderr).not.toContain("teardowns");
  });

  it("exits 2 on --port 99999 and 3 with CC_PORT_IN_USE on a taken port, never CC_INTERNAL", async () => {
    const bad = await runBuiltCli(["emulator", "--port", "99999"], { cwd: FIXTURES });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error[CC_BAD_OPTION]: --port 99999 is not a port number");
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = await runBuiltCli(["emulator", "--port", String(port)], { cwd: FIXTURES });
      expect(taken.code).toBe(3);
      expect(taken.stderr).toContain(`error[CC_PORT_IN_USE]: port ${port} on 127.0.0.1 is already in use`);
      expect(taken.stderr).not.toContain("CC_INTERNAL");
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });
});
