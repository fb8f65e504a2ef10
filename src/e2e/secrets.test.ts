import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startEmulator, type EmulatorHandle } from "../emulator";
import { tempDir } from "../gate/testing/records";
import { leakedPart, Random } from "../diagnostics/testing/secret-cases";
import { runBuiltCli, type CliRun } from "./cli-process";
import { runCli } from "../cli/run-cli";

/*
 * Issue 10, item 1: no secret reaches an output. The built CLI runs a suite against a standalone emulator with
 * secrets planted everywhere a user puts them (suite variables and bodies, an environment file, --var, a captured
 * token, callback bodies), on failing steps that print their exchanges; then every output file, stdout and stderr
 * and the start-up cache are searched for every secret and every 8-character piece of it, and for any JWT.
 */

const ROOT = resolve(__dirname, "..", "..");
const rnd = new Random(4242);
const value = (tag: string) => `${tag}-${rnd.string(22, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}`;
const SECRETS = {
  suiteVariable: value("sv"), channelToken: value("ct"), callbackSecret: value("cb"), webhookSecret: value("wh"),
  webhookClientSecret: value("wc"), writtenExpectation: value("ex"), envSecret: value("es"), envApiKey: value("ek"), varToken: value("vt"),
};
const JWT_PIECE = /eyJ[A-Za-z0-9_-]{8,}/;
const CACHE_DIR = join(ROOT, "node_modules", ".cache", "conversation-contract");

let emulator: EmulatorHandle;
let dir: string;

/** The setup every suite shares: an app, a webhook and a contact, each with secrets in its body. */
function setup(): string {
  const s = SECRETS;
  return `variables:
  DB_PASSWORD: "${s.suiteVariable}"
setup:
  - name: an app with secrets
    request: Apps/Create app
    body:
      display_name: "app {{DB_PASSWORD}}"
      processing_mode: CONVERSATION
      channel_credentials:
        - { channel: SMS, static_bearer: { claimed_identity: "447700900000", token: "${s.channelToken}" } }
      callback_settings: { secret_for_overridden_callback_urls: "${s.callbackSecret}" }
    expect: { status: 200 }
    capture: { APP: $.id }
  - name: a webhook with secrets
    request: Webhooks/Create webhook
    body:
      app_id: "{{APP}}"
      target: "{{WEBHOOK_URL}}"
      triggers: [MESSAGE_DELIVERY]
      secret: "${s.webhookSecret}"
      client_credentials: { client_id: "hook-client", client_secret: "${s.webhookClientSecret}", endpoint: "https://auth.example.com/token" }
    expect: { status: 200 }
    capture: { WEBHOOK_ID: $.id }
  - name: a contact
    request: Contacts/Create contact
    body: { display_name: "c", channel_identities: [{ channel: SMS, identity: "+46709990001" }], language: EN_US }
    expect: { status: 200 }
    capture: { CONTACT: $.id }
teardown:
  - name: delete the contact
    request: Contacts/Delete contact
  - name: delete the app
    request: Apps/Delete app
`;
}

/** Steps that end in a failure which prints its exchange (a suite stops at its first failure: one suite each). */
function failingSteps(): Record<string, string> {
  const s = SECRETS;
  const token = `  - name: a token, captured by a bracket path
    request: OAuth2/Get token
    expect: { status: 200 }
    capture: { TOK: "$['access_token']" }
`;
  const send = `  - name: a message with secret metadata
    request: Messages/Send message
    body: { app_id: "{{APP}}", recipient: { contact_id: "{{CONTACT}}" }, message: { text_message: { text: "{{DB_PASSWORD}}" } }, message_metadata: "{{DB_PASSWORD}}" }
    expect: { status: 200 }
    capture: { MESSAGE: $.message_id }
`;
  return {
    token: `  - name: a token response
    request: OAuth2/Get token
    expect: { status: 200, body: { $.token_type: NotBearer } }
`,
    echo: `${token}  - name: the token, the environment's values and --var echoed under plain keys
    request: Contacts/Create contact
    headers: { x-note: "{{SESSION_TOKEN}}" }
    body: { display_name: "{{TOK}} {{API_KEY}} {{CUSTOM_NOTE}} {{SESSION_TOKEN}}", channel_identities: [{ channel: SMS, identity: "+46709990002" }], language: EN_US }
    expect: { status: 201 }
`,
    app: `  - name: the app shows its secrets
    request: Apps/Get app
    expect:
      status: 200
      body:
        $.callback_settings.secret_for_overridden_callback_urls: "wrong"
        $.display_name: "wrong"
        $.channel_credentials[0].static_bearer.token: "wrong"
`,
    webhook: `  - name: the webhook shows its secrets
    request: Webhooks/Get webhook
    expect: { status: 200, body: { $.secret: "${s.writtenExpectation}", $.client_credentials.client_secret: "wrong" } }
`,
    message: `  - name: a message that quotes its secret metadata
    request: Messages/Send message
    body: { app_id: "{{APP}}", recipient: { contact_id: "{{CONTACT}}" }, message: { text_message: { text: "{{DB_PASSWORD}}" } }, message_metadata: "{{DB_PASSWORD}}" }
    expect: { status: 200, body: { $.message_id: "{{DB_PASSWORD}}" } }
`,
    callback: `${send}  - name: its delivery callback fails on a capture
    callback: { trigger: MESSAGE_DELIVERY, match: { $.message_delivery_report.message_id: "{{MESSAGE}}" }, within_ms: 10000 }
    capture: { NOTHING: $.not_there }
`,
  };
}

/** One suite file per failing step; returns their paths. */
function writeSuites(): string[] {
  return Object.entries(failingSteps()).map(([name, steps]) => {
    const file = join(dir, `secrets-${name}.yaml`);
    writeFileSync(file, `name: Secrets ${name}\n${setup()}steps:\n${steps}`);
    return file;
  });
}

function environmentFile(e: EmulatorHandle): string {
  const us = e.info.regions.us;
  const values = [
    ...Object.entries({ REGION: "us", BASE_URL: us.baseUrl, AUTH_URL: us.authUrl, TEMPLATE_BASE_URL: us.templateBaseUrl, PROJECT: e.info.projectId,
      CLIENT_ID: e.info.clientId, API_KEY: SECRETS.envApiKey }).map(([key, v]) => ({ key, value: v })),
    { key: "CUSTOM_NOTE", value: SECRETS.envSecret, type: "secret" },
  ];
  const file = join(dir, "secrets.postman_environment.json");
  writeFileSync(file, JSON.stringify({ values }));
  return file;
}

/** Every file under `root`, with its text. */
function filesUnder(root: string): Array<{ path: string; text: string }> {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/** The built CLI's code (dist/cli/entry.js): what V8's code cache of it holds, string literals included. */
const OWN_CODE = readFileSync(join(ROOT, "dist", "cli", "entry.js"), "utf8");
/** The code cache in the start-up cache folder (src/cli/code-cache.ts): the tool's own compiled files only. */
const CODE_STORE = /code-[0-9a-f]{16}\.bin$/;

function leaksIn(outputs: Array<{ path: string; text: string }>, secrets: string[]): string[] {
  const found: string[] = [];
  for (const { path, text } of outputs) {
    // the emulator's default secret is a literal of the tool's own code, so its compiled code holds it too
    for (const secret of CODE_STORE.test(path) ? secrets.filter((s) => !OWN_CODE.includes(s)) : secrets) {
      const part = leakedPart(text, secret);
      if (part !== undefined) found.push(`${path}: ${part} (of ${secret.slice(0, 3)}...)`);
    }
    // a sealed cache entry is random base64, where "eyJ" turns up by chance: tokens never go to the cache anyway
    const jwt = path.includes(CACHE_DIR) ? null : JWT_PIECE.exec(text);
    if (jwt) found.push(`${path}: a JWT ${jwt[0].slice(0, 12)}...`);
  }
  return found;
}

async function run(out: string, extra: string[]): Promise<CliRun> {
  const args = ["run", ...writeSuites(), "--env", join(dir, "secrets.postman_environment.json"), "--var", `SESSION_TOKEN=${SECRETS.varToken}`,
    "--reporter", "console,junit,json,html", "--out", out, "--no-color", "--verbose", ...extra];
  return runBuiltCli(args, { cwd: ROOT, env: { CI: "true", DEBUG: "1", SINCH_CLIENT_ID: emulator.info.clientId, SINCH_CLIENT_SECRET: emulator.info.clientSecret } });
}

beforeAll(async () => {
  dir = tempDir("cc-secrets-e2e-");
  emulator = await startEmulator({ port: 0 });
  environmentFile(emulator);
});

afterAll(async () => {
  await emulator?.close();
});

describe("no secret in any output (built CLI, standalone emulator, failing steps)", () => {
  it("console with --verbose exchanges, DEBUG, junit.xml, results.json, report.html, the gate's outputs and the start-up cache hide every planted secret, whole and in part", async () => {
    const baseline = join(dir, "baseline");
    const first = await run(baseline, []);
    const second = await run(join(dir, "candidate"), ["--baseline", join(baseline, "results.json")]);
    expect(first.code).toBe(1); // contract failures: the steps that print their exchanges did run
    expect(second.code).toBe(0); // the same failures as the baseline: the gate passes
    for (const r of [first, second]) expect(r.stderr).not.toContain("CC_INTERNAL");
    const basic = Buffer.from(`${emulator.info.clientId}:${emulator.info.clientSecret}`).toString("base64");
    const outputs = [
      ...filesUnder(dir).filter((f) => !f.path.endsWith(".yaml") && !f.path.endsWith(".postman_environment.json")),
      ...[first, second].flatMap((r, i) => [{ path: `stdout ${i}`, text: r.stdout }, { path: `stderr ${i}`, text: r.stderr }]),
      // the start-up cache the runs wrote their parsed suites to
      ...filesUnder(CACHE_DIR),
    ];
    expect(outputs.map((o) => o.path.replace(dir, ""))).toEqual(expect.arrayContaining([
      "/baseline/junit.xml", "/baseline/results.json", "/baseline/report.html", "/candidate/gate.json", "/candidate/gate.md",
    ]));
    // the run did reach the failing steps that print exchanges with the planted values
    for (const step of ["a token response", "echoed under plain keys", "the app shows", "the webhook shows", "quotes its secret", "delivery callback fails"]) {
      expect(first.stdout).toMatch(new RegExp(`✗ .*› .*${step}`));
    }
    expect(readFileSync(join(baseline, "results.json"), "utf8")).toContain("[REDACTED]");
    expect(first.stdout).toContain("[REDACTED]"); // --verbose printed the exchanges, redacted
    expect(leaksIn(outputs, [...Object.values(SECRETS), emulator.info.clientSecret, basic])).toEqual([]);
  }, 90_000);
});

describe("a crash of the runner (DEBUG=1 shows its stack)", () => {
  it("hides what only the run knew (--var, the environment file, the suite) in the message and the stack", async () => {
    let err = "";
    let writes = 0;
    const planted = [SECRETS.varToken, SECRETS.envApiKey, SECRETS.suiteVariable];
    const io = {
      out: () => {
        writes += 1;
        if (writes > 1) throw new Error(`stdout closed while writing ${planted.join(" and ")}`);
      },
      err: (t: string) => (err += t), cwd: ROOT, stdoutTty: false, signal: new AbortController().signal,
      env: { CI: "true", DEBUG: "1", SINCH_CLIENT_ID: emulator.info.clientId, SINCH_CLIENT_SECRET: emulator.info.clientSecret },
    };
    const args = ["run", writeSuites()[2]!, "--env", join(dir, "secrets.postman_environment.json"), "--var", `SESSION_TOKEN=${SECRETS.varToken}`,
      "--reporter", "console", "--out", join(dir, "crash")];
    expect(await runCli(args, io)).toBe(3);
    expect(err).toContain("error[CC_INTERNAL]: stdout closed while writing [REDACTED] and [REDACTED] and [REDACTED]");
    expect(err).toMatch(/\n {4}at /);
    expect(leaksIn([{ path: "stderr", text: err }], planted)).toEqual([]);
  }, 60_000);
});
