import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_CODE_OF, type CliIo } from "./io";
import { runCli } from "./run-cli";

const FIXTURES = join(__dirname, "..", "e2e", "fixtures");

async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env, cwd: FIXTURES, stdoutTty: false, signal: new AbortController().signal };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe("exit codes", () => {
  it("map each way a command ends to the README's exit codes", () => {
    expect(EXIT_CODE_OF).toEqual({ passed: 0, failed: 1, invalid: 2, "could-not-run": 3 });
  });
});

describe("runCli", () => {
  it("prints help generated from the option table", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: conversation-contract <command> [options]");
    expect(r.out).toContain("--retry-budget-ms MS");
  });

  it("prints the version", async () => {
    const r = await cli(["--version"]);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exits 2 without a command", async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage:");
  });

  it("exits 2 on an unknown command with a suggestion", async () => {
    const r = await cli(["chek"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[CC_UNKNOWN_COMMAND]: unknown command "chek"');
    expect(r.err).toContain("did you mean check?");
  });

  it("checks suites without sending anything and prints diagnostics with a code frame", async () => {
    const r = await cli(["check", "suites/invalid.yaml", "--collections", "collections", "--schemas", "schemas"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--> suites\/invalid\.yaml:4:\d+\n.*\n 4 \| +request: Things\/Create thign/);
  });

  it("exits 2 with CC_MISSING_CREDENTIAL for a real region without credentials", async () => {
    const r = await cli(["run", "suites/green.yaml", "--collections", "collections", "--schemas", "schemas", "--target", "eu"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("SINCH_CLIENT_ID is not set");
  });
});

describe("callback steps against a real region", () => {
  const DUMMY = { SINCH_CLIENT_ID: "dummy-id", SINCH_CLIENT_SECRET: "dummy-secret-value", SINCH_PROJECT_ID: "dummy-project" };
  const SUITE = [
    "name: Callbacks only",
    "tags: [cb]",
    "steps:",
    "  - name: delivery report arrives",
    "    callback:",
    "      trigger: MESSAGE_DELIVERY",
    "      within_ms: 1000",
    "",
  ].join("\n");

  async function inTemp(argv: string[], env: Record<string, string>) {
    const cwd = mkdtempSync(join(tmpdir(), "cc-cli-cb-"));
    writeFileSync(join(cwd, "cb.yaml"), SUITE);
    let out = "";
    let err = "";
    const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env, cwd, stdoutTty: false, signal: new AbortController().signal };
    const code = await runCli(argv, io);
    return { code, out, err };
  }

  it("exits 2 with CC_CALLBACK_UNSUPPORTED naming the step's file:line, before contacting the region", async () => {
    const r = await inTemp(["run", "cb.yaml", "--target", "eu", "--out", "reports"], DUMMY);
    expect(r.code).toBe(2);
    expect(r.err).toContain("error[CC_CALLBACK_UNSUPPORTED]");
    expect(r.err).toContain("--> cb.yaml:4:");
    expect(r.err).toContain("pass --callback-url with a public URL that forwards to this machine, or select suites without callback steps (--tag/--grep)");
    expect(r.out).toBe("");
  });

  it("is not raised when the filters leave no callback step (and then nothing selected is an error: exit 2)", async () => {
    const filtered = await inTemp(["run", "cb.yaml", "--target", "eu", "--tag", "other", "--out", "reports"], DUMMY);
    expect(filtered.err).not.toContain("CC_CALLBACK_UNSUPPORTED");
    expect(filtered.err).toContain("error[CC_NOTHING_SELECTED]: no suite selected by tag other, region eu");
    expect(filtered.code).toBe(2);
  });

  it("is found before the credentials are looked at, so a README command fails for the reason it would with credentials", async () => {
    const r = await inTemp(["run", "cb.yaml", "--target", "eu"], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain("error[CC_CALLBACK_UNSUPPORTED]");
    expect(r.err).not.toContain("CC_MISSING_CREDENTIAL");
  });
});

describe("emulator command", () => {
  it("rejects --port 99999 with CC_BAD_OPTION and exit 2", async () => {
    const r = await cli(["emulator", "--port", "99999"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("error[CC_BAD_OPTION]: --port 99999 is not a port number");
    expect(r.err).not.toContain("CC_INTERNAL");
  });

  it("exits 3 with CC_PORT_IN_USE when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await cli(["emulator", "--port", String(port)]);
      expect(r.code).toBe(3);
      expect(r.err).toContain(`error[CC_PORT_IN_USE]: port ${port} on 127.0.0.1 is already in use`);
      expect(r.err).not.toContain("CC_INTERNAL");
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  /** Serve the emulator with these flags until the first line is out; `stop` aborts it and gives the exit code. */
  async function serve(flags: string[]) {
    let out = "";
    const controller = new AbortController();
    const io: CliIo = { out: (t) => (out += t), err: () => {}, env: {}, cwd: FIXTURES, stdoutTty: false, signal: controller.signal };
    const done = runCli(["emulator", ...flags], io);
    for (let i = 0; i < 500 && !out.includes("\n"); i++) await new Promise((r) => setTimeout(r, 10));
    return { out, stop: () => (controller.abort(), done) };
  }
  const token = (authUrl: string, id: string, secret: string) => fetch(`${authUrl}/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });

  it("prints one JSON line with the addresses and serves until aborted, never the client secret", async () => {
    const served = await serve(["--json"]);
    const info = JSON.parse(served.out.trim());
    expect(info.regions.eu.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/eu$/);
    expect(info.adminUrl).toMatch(/\/_emulator$/);
    expect(info).toMatchObject({ clientId: "emulator-client", clientSecret: "[REDACTED]", tokenLifetimeSec: 3600, deliveryStepMs: 20 });
    expect(served.out).not.toContain("emulator-secret");
    expect((await token(info.regions.us.authUrl, info.clientId, "emulator-secret")).status).toBe(200);
    expect(await served.stop()).toBe(0);
  });

  it("takes its identity and pace from --project-id, --client-id, --client-secret, --token-lifetime and --delivery-ms", async () => {
    const secret = "flag-secret-8c1e";
    const served = await serve([
      "--json", "--project-id", "qa-project", "--client-id", "qa-key", "--client-secret", secret, "--token-lifetime", "120", "--delivery-ms", "7",
    ]);
    const info = JSON.parse(served.out.trim());
    expect(info).toMatchObject({ projectId: "qa-project", clientId: "qa-key", clientSecret: "[REDACTED]", tokenLifetimeSec: 120, deliveryStepMs: 7 });
    expect(served.out).not.toContain(secret);
    expect((await token(info.regions.us.authUrl, "emulator-client", "emulator-secret")).status).toBe(401);
    const issued = await token(info.regions.us.authUrl, "qa-key", secret);
    const body = (await issued.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(120);
    const apps = (project: string) => fetch(`${info.regions.us.baseUrl}/v1/projects/${project}/apps`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect((await apps("qa-project")).status).toBe(200);
    expect((await apps("6f2b1e0a-5c1d-4c39-9d1e-0e6a1c0ffee0")).status).toBe(403);
    expect(await served.stop()).toBe(0);
  });

  it("prints the addresses for a person without the client secret", async () => {
    const served = await serve(["--client-secret", "text-secret-19ab"]);
    expect(served.out).toContain("secret [REDACTED]");
    expect(served.out).toContain("global token endpoint: http://127.0.0.1:");
    expect(served.out).not.toContain("text-secret-19ab");
    expect(await served.stop()).toBe(0);
  });

  it.each([
    [["--token-lifetime", "0"], "--token-lifetime 0: out of range"],
    [["--delivery-ms", "60001"], "--delivery-ms 60001: out of range"],
    [["--project-id", "a/b"], "--project-id a/b: not a project id"],
    [["--client-id", "a:b"], "--client-id a:b: not a key id"],
    [["--client-secret", ""], "option --client-secret needs a value"],
  ])("rejects %j with CC_BAD_OPTION and exit 2", async (flags, message) => {
    const r = await cli(["emulator", ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error[CC_BAD_OPTION]: ${message}`);
  });

  it("serves callbacks pretty-printed with --callback-format pretty, and refuses another format with exit 2", async () => {
    let out = "";
    const controller = new AbortController();
    const io: CliIo = { out: (t) => (out += t), err: () => {}, env: {}, cwd: FIXTURES, stdoutTty: false, signal: controller.signal };
    const done = runCli(["emulator", "--json", "--callback-format", "pretty"], io);
    for (let i = 0; i < 500 && !out.includes("\n"); i++) await new Promise((r) => setTimeout(r, 10));
    const info = JSON.parse(out.trim());
    expect(await (await fetch(`${info.adminUrl}/callback-format`)).json()).toEqual({ default: "pretty", webhooks: [] });
    controller.abort();
    expect(await done).toBe(0);
    const bad = await cli(["emulator", "--callback-format", "yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("error[CC_BAD_OPTION]");
    expect(bad.err).toContain("yaml");
  });
});

describe("unexpected errors", () => {
  function crashingIo(env: Record<string, string>) {
    let err = "";
    const io: CliIo = {
      out: () => { throw new Error("stdout closed\nsecond line"); },
      err: (t) => (err += t), env, cwd: FIXTURES, stdoutTty: false, signal: new AbortController().signal,
    };
    return { io, err: () => err };
  }

  it("become one line and exit 3, without a stack trace", async () => {
    const c = crashingIo({});
    expect(await runCli(["--version"], c.io)).toBe(3);
    expect(c.err()).toBe("error[CC_INTERNAL]: stdout closed\n  = hint: set DEBUG=1 for the stack trace\n");
  });

  it("never show the client secret of the environment or of .env", async () => {
    const secret = "crash-secret-4f9a1c7d";
    let err = "";
    const io: CliIo = {
      out: () => { throw new Error(`token request with ${secret} failed`); },
      err: (t) => (err += t), env: { SINCH_CLIENT_SECRET: secret }, cwd: FIXTURES, stdoutTty: false, signal: new AbortController().signal,
    };
    expect(await runCli(["--version"], io)).toBe(3);
    expect(err).toContain("error[CC_INTERNAL]: token request with [REDACTED] failed");
    expect(err).not.toContain(secret);
  });

  it("show the stack with DEBUG=1", async () => {
    const c = crashingIo({ DEBUG: "1" });
    expect(await runCli(["--version"], c.io)).toBe(3);
    expect(c.err()).toMatch(/\n {4}at /);
  });
});

describe("run against the in-process emulator (default target)", () => {
  it("starts the emulator, runs a suite of the package, writes the reports and exits 0", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-cli-emu-"));
    let stdout = "";
    const io: CliIo = { out: (t) => (stdout += t), err: (t) => (stdout += t), env: {}, cwd: join(__dirname, "..", ".."), stdoutTty: false, signal: new AbortController().signal };
    const code = await runCli(["run", "suites/contacts.yaml", "--region", "us", "--out", out], io);
    expect(stdout).toContain("✓ Contacts lifecycle [us] suites/contacts.yaml");
    expect(code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(results).toMatchObject({ formatVersion: 3, header: { target: "emulator", regions: ["us"], apiVersion: "v1" }, footer: { totals: { failed: 0, errors: 0 } } });
    expect(readFileSync(join(out, "junit.xml"), "utf8")).not.toContain("emulator-secret");
  });
});
