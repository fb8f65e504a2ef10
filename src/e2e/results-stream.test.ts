import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readResults, type ResultsEntry } from "../gate/read-results";
import { CLI, runBuiltCli } from "./cli-process";
import { startFakeApi, type FakeApi } from "./fake-api";

/*
 * results.json streams: each suite's record is in the file as soon as the suite ends, so a run that is killed
 * (no teardown, no footer) leaves a file `compare` still reads, as a run cut short.
 */

const FIXTURES = join(__dirname, "fixtures");
const CREDS = { SINCH_CLIENT_ID: "e2e-client", SINCH_CLIENT_SECRET: "e2e-very-secret-client-secret", SINCH_PROJECT_ID: "e2e-project", CI: "true" };

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi({ clientId: CREDS.SINCH_CLIENT_ID, clientSecret: CREDS.SINCH_CLIENT_SECRET, token: "e2e-token-4f9a1c7d2b8e6f3a0c5d9e1b" });
});
afterAll(() => api.close());

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter((l) => l !== "") : [];
}

async function entries(file: string): Promise<ResultsEntry[]> {
  const out: ResultsEntry[] = [];
  for await (const e of readResults(file)) out.push(e);
  return out;
}

describe("results.json of a killed run (built CLI, fake API)", () => {
  it("holds the header and every suite that finished, and compare reads it as cut short", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-e2e-killed-"));
    const results = join(out, "results.json");
    const child = spawn(process.execPath, [CLI, "run", "suites/green.yaml", "suites/slow.yaml", "--target", api.url, "--concurrency", "2",
      "--collections", "collections", "--schemas", "schemas", "--out", out, "--reporter", "json"], {
      cwd: FIXTURES, env: { PATH: process.env.PATH ?? "", ...CREDS }, stdio: ["ignore", "ignore", "ignore"],
    });
    const exited = new Promise((r) => child.on("close", r));
    const slowGetSent = () => api.log().some((l) => /^GET \/v1\/projects\/e2e-project\/things\//.test(l)) && lines(results).length >= 2;
    // the green suite has ended (its record is in the file) while the slow one waits for its answer
    for (let i = 0; i < 1000 && !slowGetSent(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(slowGetSent()).toBe(true);
    child.kill("SIGKILL");
    await exited;

    const read = await entries(results);
    expect(read.map((e) => e.type)).toEqual(["header", "suite", "end"]);
    expect(read[1]).toMatchObject({ type: "suite", suite: { key: "green@us", outcome: "passed" } });
    expect(read[2]).toEqual({ type: "end", footer: undefined, truncated: true });

    const compared = await runBuiltCli(["compare", results, results, "--out", out, "--no-color"], { cwd: FIXTURES });
    expect(compared.stderr).toBe("");
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(/^baseline: .*results\.json \(v1 on http:\/\/127\.0\.0\.1:\d+, .*, 3 steps ran, cut short\)$/m);
  }, 30_000);
});
