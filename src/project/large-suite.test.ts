import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveConfig } from "../config";
import { runProject } from "./run-project";
import { STORED_AFTER_STEPS } from "./suite-parts";

const FIXTURES = resolve(__dirname, "..", "e2e", "fixtures");
const STEPS = 100_000;

/** A loopback server that counts requests: a token for the token endpoint, `{ "id": "thing", ... }` for anything else. */
async function countingServer(): Promise<{ server: Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const token = req.url?.endsWith("/oauth2/token");
      if (!token) requests++;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(token ? { access_token: "t", expires_in: 3600, token_type: "bearer" } : { id: "thing", name: "thing", size: 1 }));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

/** STEPS steps of which the last names a request the collection does not have; its line and column. */
function suiteBrokenAtTheEnd(): { text: string; line: number; column: number } {
  const lines = ["name: Large", "steps:"];
  lines.push("  - name: create", "    request: Things/Create thing", "    expect: { status: 200 }", "    capture: { THING: $.id }");
  for (let i = 1; i < STEPS - 1; i++) lines.push(`  - name: get ${i}`, "    request: Things/Get thing", "    expect: { status: 200 }");
  lines.push(`  - name: last`, "    request: Things/No such thing", "    expect: { status: 200 }");
  return { text: `${lines.join("\n")}\n`, line: lines.length - 1, column: 14 };
}

describe("a suite of 100,000 steps, read back a part at a time", () => {
  let dir: string;
  let api: Awaited<ReturnType<typeof countingServer>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cc-large-"));
    api = await countingServer();
  });
  afterAll(async () => {
    await new Promise((done) => api.server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports a broken step at its end, at its place, before anything is sent: first run and warm start-up cache alike", async () => {
    const broken = suiteBrokenAtTheEnd();
    writeFileSync(join(dir, "large.yaml"), broken.text);
    const argv = ["run", "large.yaml", "--target", api.url, "--collections", join(FIXTURES, "collections"), "--schemas", join(FIXTURES, "schemas"), "--out", "reports"];
    const { config } = resolveConfig({ argv, env: {}, cwd: dir });
    const env = { SINCH_CLIENT_ID: "id", SINCH_CLIENT_SECRET: "secret", SINCH_PROJECT_ID: "project" };
    for (const start of ["first", "warm"]) {
      const outcome = await runProject({ config: config!, env, keepResults: false });
      expect({ start, status: outcome.status }).toEqual({ start, status: "invalid" });
      expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([
        expect.objectContaining({ code: "CC_UNKNOWN_REQUEST", file: "large.yaml", line: broken.line, column: broken.column }),
      ]);
    }
    expect(api.requests()).toBe(0);
  }, 600_000);

  it("runs a suite past the stored size from its parts, first run and warm alike: every step once, in order", async () => {
    const count = STORED_AFTER_STEPS + 500;
    const lines = ["name: Stored", "steps:", "  - name: create", "    request: Things/Create thing", "    expect: { status: 200 }", "    capture: { THING: $.id }"];
    for (let i = 1; i < count; i++) lines.push(`  - name: get ${i}`, "    request: Things/Get thing", "    expect: { status: 200, body: { $.id: thing } }");
    writeFileSync(join(dir, "stored.yaml"), `${lines.join("\n")}\n`);
    const argv = ["run", "stored.yaml", "--target", api.url, "--collections", join(FIXTURES, "collections"), "--schemas", join(FIXTURES, "schemas"), "--out", "reports"];
    const { config } = resolveConfig({ argv, env: {}, cwd: dir });
    const env = { SINCH_CLIENT_ID: "id", SINCH_CLIENT_SECRET: "secret", SINCH_PROJECT_ID: "project" };
    const before = api.requests();
    for (const start of [1, 2]) {
      const outcome = await runProject({ config: config!, env, console: { write: () => undefined, tty: false, color: false } });
      expect({ start, status: outcome.status, diagnostics: outcome.diagnostics.map((d) => d.message) }).toEqual({ start, status: "passed", diagnostics: [] });
      const steps = outcome.result!.suites[0]!.steps;
      expect(steps.map((s) => s.name)).toEqual(["create", ...Array.from({ length: count - 1 }, (_, i) => `get ${i + 1}`)]);
      expect(steps.filter((s) => s.outcome !== "passed").slice(0, 1)).toEqual([]);
      expect(api.requests() - before).toBe(start * count);
    }
  }, 600_000);
});
