import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startEmulator, type EmulatorHandle } from "../emulator";
import type { RunFooter, SuiteRecord } from "../model";
import { junitXsdErrors } from "../testdata/junit-xsd";
import { runBuiltCli } from "./cli-process";
import { collectionRequests, loadCollection } from "./collection-files";

const ROOT = resolve(__dirname, "..", "..");

describe("conversation-contract newman: the collection through the real newman against the emulator (built CLI)", () => {
  let emulator: EmulatorHandle;
  let envFile: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const us = emulator.info.regions.us;
    const values = {
      REGION: "us", BASE_URL: us.baseUrl, AUTH_URL: us.authUrl, TEMPLATE_BASE_URL: us.templateBaseUrl,
      PROJECT: emulator.info.projectId, CLIENT_ID: emulator.info.clientId, CLIENT_SECRET: emulator.info.clientSecret,
    };
    envFile = join(mkdtempSync(join(tmpdir(), "cc-newman-env-")), "emulator.postman_environment.json");
    writeFileSync(envFile, JSON.stringify({ name: "emulator under test", values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) }));
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function newman(): Promise<{ code: number | null; stdout: string; stderr: string; out: string; suites: SuiteRecord[]; footer: RunFooter }> {
    const out = mkdtempSync(join(tmpdir(), "cc-newman-out-"));
    const r = await runBuiltCli(["newman", "--env", envFile, "--out", out, "--reporter", "console,junit,json,html", "--no-color"], { cwd: ROOT, env: { CI: "true" } });
    const lines = readFileSync(join(out, "results.json"), "utf8").trim().split("\n");
    const suites = lines.slice(1, -1).map((line) => JSON.parse(line.replace(/^,/, "")) as SuiteRecord);
    const footer = (JSON.parse(`{${lines.at(-1)!.slice(2)}`) as { footer: RunFooter }).footer;
    return { ...r, out, suites, footer };
  }

  function everyReport(out: string, stdout: string): string {
    return ["junit.xml", "results.json", "report.html"].map((name) => readFileSync(join(out, name), "utf8")).join("\n") + stdout;
  }

  it("checks every response against the contract and writes console, JUnit, JSON and HTML reports", async () => {
    const r = await newman();
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const steps = r.suites.flatMap((s) => s.steps);
    // every request of the collection but the token request (the token manager fetched the token) ran and was checked
    const requests = collectionRequests(loadCollection()).map((q) => q.id).filter((id) => !id.startsWith("OAuth2/"));
    expect(requests.filter((id) => !steps.some((s) => s.name === id))).toEqual([]);
    expect(steps.every((s) => s.outcome === "passed" && s.operationId !== null && typeof s.status === "number")).toBe(true);
    expect(r.footer.totals).toMatchObject({ failed: 0, errors: 0, steps: steps.length });
    expect(await junitXsdErrors(readFileSync(join(r.out, "junit.xml"), "utf8"))).toEqual([]);
    expect(r.stdout).toMatch(/✓ .*\(newman\) \[us\]/);
    expect(everyReport(r.out, r.stdout)).not.toContain(emulator.info.clientSecret);
  }, 90_000);

  it("fails (exit 1) on a response that breaks its schema, naming the request and the violation", async () => {
    const change = await fetch(`${emulator.info.adminUrl}/changes`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "drop-field", operation: "Contacts/Get contact", field: "language" }),
    });
    expect(change.status).toBe(200);
    try {
      const r = await newman();
      expect(r.code).toBe(1);
      const failed = r.suites.flatMap((s) => s.steps).filter((s) => s.outcome !== "passed");
      expect(failed.map((s) => s.name)).toEqual(["Contacts/Get contact"]);
      expect(failed[0]!.failures.flatMap((f) => f.violations ?? []).map((v) => `${v.keyword} ${v.message}`)).toEqual([expect.stringMatching(/^required .*language/)]);
      expect(r.stdout).toContain("Contacts/Get contact");
      expect(readFileSync(join(r.out, "junit.xml"), "utf8")).toMatch(/<testcase name="Contacts\/Get contact"[^>]*>\s*<failure/);
      expect(everyReport(r.out, r.stdout)).not.toContain(emulator.info.clientSecret);
    } finally {
      await fetch(`${emulator.info.adminUrl}/changes`, { method: "DELETE" });
    }
  }, 90_000);
});
