import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHarness } from "../testing/harness";

describe("recording the replies a test saw, for the parity table [emulator-only]", () => {
  let dir: string;
  const previous = process.env.CC_PARITY_RECORD;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cc-parity-test-"));
    process.env.CC_PARITY_RECORD = dir;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.CC_PARITY_RECORD;
    else process.env.CC_PARITY_RECORD = previous;
    rmSync(dir, { recursive: true, force: true });
  });
  const recorded = () => readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)));

  it("records each reply once: the harness's own calls (faults too) and, through onReply, any other client's", async () => {
    const h = await startHarness();
    try {
      await h.api("GET", "/apps");
      await h.admin("POST", "/faults", { path: "/us/v1/projects/*/apps", method: "GET", action: { status: 503 } });
      await h.api("GET", "/apps");
      const other = await fetch(`${h.emu.info.regions.us.baseUrl}/v1/projects/${h.project}/apps/01HZZZZZZZZZZZZZZZZZZZZZZZ`, {
        headers: { authorization: `Bearer ${await h.token()}` },
      });
      expect(other.status).toBe(404);
    } finally {
      await h.close();
    }
    const test = expect.stringContaining("records each reply once");
    expect(recorded()).toEqual([
      { file: "src/emulator/parity/recorder.test.ts", test, operation: "Apps/List apps", status: 200 },
      { file: "src/emulator/parity/recorder.test.ts", test, operation: "Apps/List apps", status: 503 },
      { file: "src/emulator/parity/recorder.test.ts", test, operation: "Apps/Get app", status: 404 },
    ]);
  });

  it("records nothing without CC_PARITY_RECORD", async () => {
    delete process.env.CC_PARITY_RECORD;
    const h = await startHarness();
    await h.api("GET", "/apps");
    await h.close();
    expect(recorded()).toEqual([]);
  });
});
