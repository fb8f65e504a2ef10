import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveConfig } from "../config";
import { runProject } from "./run-project";

const ROOT = resolve(__dirname, "..", "..");

// line numbers matter: the failures must point at the `status:` and `capture:` keys, not at the step names
const SUITE = [
  "name: Explained",                                                         // 1
  "steps:",                                                                  // 2
  "  - name: a contact without language",                                    // 3
  "    request: Contacts/Create contact",                                    // 4
  "    body:",                                                               // 5
  "      display_name: no language",                                         // 6
  "      channel_identities: [{ channel: SMS, identity: '+46710000001' }]",  // 7
  "    expect:",                                                             // 8
  "      schema: Error",                                                     // 9
  "      status: 200",                                                     // 10
  "",
].join("\n");

const CAPTURE = [
  "name: Captured",                                                          // 1
  "steps:",                                                                  // 2
  "  - name: list contacts",                                                 // 3
  "    request: Contacts/List contacts",                                     // 4
  "    expect:",                                                             // 5
  "      status: 200",                                                       // 6
  "    capture:",                                                            // 7
  "      NOTHING: $.no_such_field",                                          // 8
  "",
].join("\n");

async function runSuite(name: string, text: string, flags: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), "cc-explain-"));
  writeFileSync(join(dir, name), text);
  const argv = ["run", join(dir, name), "--region", "us", "--out", join(dir, "out"), "--reporter", "console,junit,json", ...flags];
  const { config } = resolveConfig({ argv, env: {}, cwd: ROOT });
  let printed = "";
  const outcome = await runProject({ config: config!, env: {}, console: { write: (t) => (printed += t), tty: false, color: false } });
  const junit = readFileSync(join(dir, "out", "junit.xml"), "utf8");
  return { outcome, printed, junit, file: join(dir, name) };
}

describe("failures that explain themselves (issue 9.3)", () => {
  it("shows a status mismatch with the error envelope's message, its field violations and the `status:` line, in console and JUnit", async () => {
    const r = await runSuite("explained.yaml", SUITE);
    expect(r.outcome.status).toBe("failed");
    for (const text of [r.printed, r.junit.replace(/&gt;/g, ">").replace(/&apos;/g, "'")]) {
      expect(text).toContain("status: expected status 200, got 400");
      expect(text).toContain("response: Invalid argument (INVALID_ARGUMENT)");
      expect(text).toContain("language: must have required property 'language'");
      expect(text).toContain(`--> ${r.file}:10:7`);
    }
    expect(r.printed).toContain(`✗ ${r.file}:10 Explained [us] › a contact without language`);
    expect(r.junit).toContain('message="expected status 200, got 400: Invalid argument (INVALID_ARGUMENT)"');
    expect(r.junit).toContain(`>${r.file}:10:7\n`);
    const failure = r.outcome.result!.suites[0]!.steps[0]!.failures[0]!;
    expect(failure).toMatchObject({ kind: "status", line: 10, column: 7, reason: { message: "Invalid argument (INVALID_ARGUMENT)" } });
  });

  it("points a capture that found nothing at its `capture:` key line", async () => {
    const r = await runSuite("captured.yaml", CAPTURE);
    expect(r.outcome.result!.suites[0]!.steps[0]!.failures).toEqual([expect.objectContaining({ kind: "capture", line: 8, column: 7 })]);
    expect(r.printed).toContain(`--> ${r.file}:8:7`);
  });

  it("--verbose prints every request and response as it happens, redacted", async () => {
    const r = await runSuite("explained.yaml", SUITE, ["--verbose"]);
    const exchange = r.printed.indexOf("> POST http://127.0.0.1:");
    expect(exchange).toBeGreaterThan(0);
    expect(exchange).toBeLessThan(r.printed.indexOf("✗ "));
    expect(r.printed).toContain("> authorization: [REDACTED]");
    expect(r.printed).toMatch(/> \{"display_name":"no language",/);
    expect(r.printed).toMatch(/< 400\n/);
    expect(r.printed).toMatch(/< \{"error":\{"code":400,"message":"Invalid argument"/);
    expect(r.printed).not.toMatch(/Bearer ey/);
    const quiet = await runSuite("explained.yaml", SUITE);
    expect(quiet.printed).not.toContain("> POST");
  });
});
