import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveConfig, type Config } from "../config";
import { startEmulator } from "../emulator";
import { checkProject } from "./check-project";
import { runProject } from "./run-project";

const ROOT = resolve(__dirname, "..", "..");

function config(argv: string[], cwd = ROOT): Config {
  const { config: resolved, diagnostics } = resolveConfig({ argv, env: {}, cwd });
  if (!resolved) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return resolved;
}

async function run(argv: string[], cwd = ROOT) {
  const out = mkdtempSync(join(tmpdir(), "cc-inputs-"));
  let printed = "";
  const outcome = await runProject({
    config: config(["run", ...argv, "--out", out], cwd), env: {},
    console: { write: (t) => (printed += t), tty: false, color: false },
  });
  return { outcome, printed, out };
}

const CONTACT_STEP = (name: string, displayName: string, expected: string) => [
  `  - name: ${name}`,
  "    request: Contacts/Create contact",
  `    body: { display_name: "${displayName}", channel_identities: [{ channel: SMS, identity: "+46701110000" }], language: EN_US }`,
  `    expect: { status: 200, body: { $.display_name: "${expected}" } }`,
  "    capture: { CONTACT: $.id }",
].join("\n");
const TEARDOWN = "teardown:\n  - request: Contacts/Delete contact\n";

describe("suites that need others", () => {
  it("pull in the suites a file argument needs: check suites/messages.yaml loads app.yaml too", async () => {
    const checked = await checkProject(config(["check", "suites/messages.yaml"]));
    expect(checked.diagnostics).toEqual([]);
    expect(checked).toMatchObject({ status: "passed", counts: { suites: 2 } });
  });

  it("run suites/messages.yaml runs app first and passes", async () => {
    const r = await run(["suites/messages.yaml", "--region", "us"]);
    expect(r.outcome.status).toBe("passed");
    expect(r.outcome.result?.suites.map((s) => s.key).sort()).toEqual(["app@us", "messages@us"]);
  }, 60_000);

  it("outside the package: a $schema key is allowed, a need is found next to the suite first, then in the package, recursively", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-outside-"));
    const step = "steps:\n  - name: list contacts\n    request: Contacts/List contacts\n    expect: { status: 200 }\n";
    writeFileSync(join(dir, "mine.yaml"), `$schema: ../node_modules/conversation-contract/schemas/suite.schema.json\nname: Mine\nneeds: [middle]\n${step}`);
    writeFileSync(join(dir, "middle.yaml"), `name: Middle\nneeds: [app]\nexports: [APP_COPY]\nvariables: { APP_COPY: "{{APP}}" }\n${step}`);
    const checked = await checkProject(config(["check", "mine.yaml"], dir));
    expect(checked.diagnostics).toEqual([]);
    expect([...checked.sources.keys()].map((f) => f.split("/").pop()).sort()).toEqual(["app.yaml", "middle.yaml", "mine.yaml"]);
    writeFileSync(join(dir, "app.yaml"), `name: Local app\nexports: [APP]\nvariables: { APP: local }\n${step}`);
    const local = await checkProject(config(["check", "mine.yaml"], dir));
    expect([...local.sources.keys()].sort()).toEqual(["app.yaml", "middle.yaml", "mine.yaml"]);
  });

  it("a need found nowhere is one diagnostic, however many of its exports the suite uses", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-outside-"));
    const uses = [1, 2, 3].map((i) => `  - name: use ${i}\n    request: Apps/Get app\n    query: { x: "{{GHOST_APP}}" }\n    expect: { status: 200 }`).join("\n");
    writeFileSync(join(dir, "lonely.yaml"), `name: Lonely\nneeds: [ghost, ../../etc/passwd]\nsteps:\n${uses}\n`);
    const checked = await checkProject(config(["check", "lonely.yaml"], dir));
    expect(checked.diagnostics.map((d) => [d.code, d.line])).toEqual([["CC_UNKNOWN_NEED", 2], ["CC_UNKNOWN_NEED", 2]]);
  });
});

describe("variables from --var and from the environment files, one file per region", () => {
  const SUITE = ["name: Labels", "steps:", CONTACT_STEP("create a labelled contact", "{{LABEL}} {{GREETING}}", "{{REGION}}-label hello"), TEARDOWN].join("\n");

  it("are unknown to check without them, and known with them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-vars-"));
    writeFileSync(join(dir, "labels.yaml"), SUITE);
    writeFileSync(join(dir, "us.json"), JSON.stringify({ values: [{ key: "LABEL", value: "us-label" }] }));
    const without = await checkProject(config(["check", "labels.yaml"], dir));
    expect(without.diagnostics.map((d) => d.code)).toEqual(["CC_UNKNOWN_VARIABLE", "CC_UNKNOWN_VARIABLE"]);
    const withThem = await checkProject(config(["check", "labels.yaml", "--env", "us.json", "--var", "GREETING=hello"], dir));
    expect(withThem.diagnostics).toEqual([]);
  });

  it("reach the steps of their own region against a standalone emulator, for us and eu in one run", async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      const dir = mkdtempSync(join(tmpdir(), "cc-vars-"));
      writeFileSync(join(dir, "labels.yaml"), SUITE);
      for (const region of ["us", "eu"] as const) {
        const r = emulator.info.regions[region];
        const values = { REGION: region, BASE_URL: r.baseUrl, AUTH_URL: r.authUrl, TEMPLATE_BASE_URL: r.templateBaseUrl, PROJECT: emulator.info.projectId,
          CLIENT_ID: emulator.info.clientId, CLIENT_SECRET: emulator.info.clientSecret, LABEL: `${region}-label` };
        writeFileSync(join(dir, `${region}.json`), JSON.stringify({ values: Object.entries(values).map(([key, value]) => ({ key, value })) }));
      }
      const r = await run(["labels.yaml", "--env", "us=us.json", "--env", "eu=eu.json", "--var", "GREETING=hello"], dir);
      expect(r.outcome.diagnostics).toEqual([]);
      expect(r.outcome.status).toBe("passed");
      expect(r.outcome.result?.regions).toEqual(["us", "eu"]);
      expect(r.outcome.result?.suites.map((s) => [s.key, s.outcome])).toEqual([["labels@us", "passed"], ["labels@eu", "passed"]]);
      // the same files swapped: each region sees the other's label, and the expectation catches it
      const swapped = await run(["labels.yaml", "--env", "us=eu.json", "--env", "eu=us.json", "--var", "GREETING=hello"], dir);
      expect(swapped.outcome.status).toBe("invalid");
      expect(swapped.outcome.diagnostics[0]?.message).toBe("REGION is eu, but the file was given for region us");
      // without REGION in the files, swapping them runs, and each region's step sees the other's label
      for (const region of ["us", "eu"]) {
        const json = JSON.parse(readFileSync(join(dir, `${region}.json`), "utf8")) as { values: Array<{ key: string }> };
        writeFileSync(join(dir, `${region}-bare.json`), JSON.stringify({ values: json.values.filter((v) => v.key !== "REGION") }));
      }
      const crossed = await run(["labels.yaml", "--env", "us=eu-bare.json", "--env", "eu=us-bare.json", "--var", "GREETING=hello"], dir);
      expect(crossed.outcome.status).toBe("failed");
      expect(crossed.outcome.result?.suites.map((s) => s.outcome)).toEqual(["failed", "failed"]);
    } finally {
      await emulator.close();
    }
  }, 60_000);
});

describe("the webhook receiver's address", () => {
  it("is where --callback-listen says, printed when the run starts, and callbacks reach it there", async () => {
    const probe = await startEmulator({ port: 0 });
    const port = Number(new URL(probe.info.adminUrl).port);
    await probe.close();
    const r = await run(["suites/events.yaml", "--region", "us", "--callback-listen", `127.0.0.1:${port}`]);
    expect(r.printed).toContain(`Webhook receiver: http://127.0.0.1:${port}\n`);
    expect(r.outcome.status).toBe("passed");
  }, 60_000);

  it("on a port that is taken, the run could not happen: CC_PORT_IN_USE, exit 3", async () => {
    const blocker = await startEmulator({ port: 0 });
    try {
      const port = new URL(blocker.info.adminUrl).port;
      const r = await run(["suites/contacts.yaml", "--region", "us", "--callback-listen", `127.0.0.1:${port}`]);
      expect(r.outcome.status).toBe("could-not-run");
      expect(r.outcome.diagnostics).toEqual([expect.objectContaining({ code: "CC_PORT_IN_USE" })]);
      expect(JSON.parse(readFileSync(join(r.out, "results.json"), "utf8")).suites).toEqual([]);
    } finally {
      await blocker.close();
    }
  });
});
