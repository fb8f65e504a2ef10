import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { GateFinding } from "../model";
import { checkAcceptFile, parseAcceptFile, readAcceptEntries } from "./accept-file";
import { applyAccept } from "./apply-accept";
import { makeFinding } from "./findings";
import { tempDir } from "./testing/records";

const FILE = "conversation-contract.accept.yaml";

const good = `# accepted differences of the v1 upgrade
accept:
  - fingerprint: 3f2a9c0b1d4e
    reason: v1 drops display_name on purpose (JIRA-123)
    until: 2026-06-30
  - suite: contacts
    step: "list *"
    path: "$.contacts[].email"
    reason: email moved to identities
    until: "2026-03-01"
  - fingerprint: 123456789012
    reason: an all-digit fingerprint stays text
    until: 2026-01-01
`;

describe("accept file: reading", () => {
  it("reads fingerprint and pattern entries with their positions", () => {
    const accept = parseAcceptFile(good, FILE);
    expect(accept.diagnostics).toEqual([]);
    expect(accept.entries).toEqual([
      { fingerprint: "3f2a9c0b1d4e", reason: "v1 drops display_name on purpose (JIRA-123)", until: "2026-06-30", file: FILE, line: 3, column: 5 },
      { suite: "contacts", step: "list *", path: "$.contacts[].email", reason: "email moved to identities", until: "2026-03-01", file: FILE, line: 6, column: 5 },
      { fingerprint: "123456789012", reason: "an all-digit fingerprint stays text", until: "2026-01-01", file: FILE, line: 11, column: 5 },
    ]);
  });

  it("accepts an empty file and an empty list", () => {
    expect(parseAcceptFile("", FILE)).toEqual({ file: FILE, entries: [], diagnostics: [] });
    expect(parseAcceptFile("accept:\n", FILE)).toEqual({ file: FILE, entries: [], diagnostics: [] });
  });

  it("reports every bad entry with CC_BAD_ACCEPT at file:line:column", () => {
    const text = [
      "accept:",
      "  - fingerprint: xyz", // 2: not a fingerprint
      "    reason: r",
      "    until: 2026-01-01",
      "  - suite: contacts", // 5: no reason
      "    until: 2026-01-01",
      "  - step: create contact", // 7: bad date
      "    reason: r",
      "    until: 2026-02-30",
      "  - reason: r", // 10: selects nothing
      "    until: 2026-01-01",
      "  - fingerprint: 3f2a9c0b1d4e", // 12: both
      "    path: $.x",
      "    reason: r",
      "    until: 2026-01-01",
      "  - fingerprnt: 3f2a9c0b1d4e", // 16: typo
      "    reason: r",
      "    until: 2026-01-01",
      "  - class: field-gon", // 19: unknown class
      "    reason: r",
      "    until: 2026-01-01",
      "  - path: [a]", // 22: not a text
      "    reason: r",
      "    until: 2026-01-01",
      "  - just a string", // 25
    ].join("\n");
    const accept = parseAcceptFile(text, FILE);
    expect(accept.entries).toEqual([]);
    const where = accept.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
    expect(where).toEqual([
      "CC_BAD_ACCEPT 2:18",
      "CC_BAD_ACCEPT 5:5",
      "CC_BAD_ACCEPT 9:12",
      "CC_BAD_ACCEPT 10:5",
      "CC_BAD_ACCEPT 12:5",
      "CC_BAD_ACCEPT 16:5",
      "CC_BAD_ACCEPT 19:12",
      "CC_BAD_ACCEPT 22:11",
      "CC_BAD_ACCEPT 25:5",
    ]);
    expect(accept.diagnostics.every((d) => d.file === FILE && d.severity === "error")).toBe(true);
    expect(accept.diagnostics[5]!.message).toContain("did you mean `fingerprint`?");
    expect(accept.diagnostics[6]!.message).toContain("did you mean `field-gone`?");
    expect(accept.diagnostics[1]!.message).toContain("reason");
  });

  it("reports YAML syntax errors and a wrong top level with positions", () => {
    expect(parseAcceptFile("accept:\n  - fingerprint: [\n", FILE).diagnostics[0]).toMatchObject({ code: "CC_YAML_SYNTAX", file: FILE });
    expect(parseAcceptFile("- fingerprint: 3f2a9c0b1d4e\n", FILE).diagnostics).toMatchObject([{ code: "CC_BAD_ACCEPT", line: 1, column: 1 }]);
    expect(parseAcceptFile("acept: []\n", FILE).diagnostics.map((d) => d.message)).toEqual([
      "unknown key `acept` (did you mean `accept`?)",
      "the accept file has no `accept:` list",
    ]);
  });

  it("checkAcceptFile returns the diagnostics of a file on disk; readAcceptEntries throws them", async () => {
    const dir = tempDir();
    const valid = join(dir, "ok.yaml");
    const invalid = join(dir, "bad.yaml");
    writeFileSync(valid, good);
    writeFileSync(invalid, "accept:\n  - reason: r\n    until: 2026-01-01\n");
    expect(await checkAcceptFile(valid)).toEqual([]);
    expect(await checkAcceptFile(invalid)).toMatchObject([{ code: "CC_BAD_ACCEPT", file: invalid, line: 2, column: 5 }]);
    expect(await checkAcceptFile(join(dir, "missing.yaml"))).toMatchObject([{ code: "CC_FILE_NOT_FOUND" }]);
    await expect(readAcceptEntries(invalid)).rejects.toMatchObject({ diagnostics: [{ code: "CC_BAD_ACCEPT" }] });
    expect(await readAcceptEntries(valid)).toHaveLength(3);
  });
});

describe("accept file: applying", () => {
  const gone = makeFinding({ class: "field-gone", stepKey: "contacts@us/steps/list contacts", suiteKey: "contacts@us", region: "us", path: "$.contacts[].email", message: "gone" });
  const status = makeFinding({ class: "status-changed", stepKey: "contacts@eu/steps/create contact", suiteKey: "contacts@eu", region: "eu", baseline: "200", candidate: "201", message: "status" });
  const region = makeFinding({ class: "region-missing", region: "br", message: "region br of the baseline did not run" });
  const now = new Date("2026-02-15T23:59:00Z");
  const entry = (over: object, until = "2026-03-01") => ({ reason: "known", until, file: FILE, line: 3, column: 5, ...over });
  const statuses = (fs: GateFinding[]) => fs.map((f) => f.acceptance?.status ?? "-");

  it("accepts by fingerprint and by pattern (suite id or key, * wildcards)", () => {
    const out = applyAccept([gone, status], [entry({ fingerprint: status.fingerprint }), entry({ suite: "contacts", step: "list *", path: "$.contacts[].email" })], { now });
    expect(statuses(out.findings)).toEqual(["accepted", "accepted"]);
    expect(out.findings[0]!.acceptance).toEqual({ status: "accepted", reason: "known", until: "2026-03-01", file: FILE, line: 3, column: 5 });
    expect(out.stale).toEqual([]);
    expect(statuses(applyAccept([gone, status], [entry({ suite: "contacts@eu" })], { now }).findings)).toEqual(["-", "accepted"]);
    expect(statuses(applyAccept([gone, status], [entry({ class: "field-*", region: "us" })], { now }).findings)).toEqual(["accepted", "-"]);
  });

  it("needs every pattern of an entry to match", () => {
    const out = applyAccept([gone], [entry({ suite: "contacts", path: "$.other" })], { now });
    expect(statuses(out.findings)).toEqual(["-"]);
    expect(out.stale).toHaveLength(1);
  });

  it("does not accept past `until` and says the entry expired; the last day still accepts", () => {
    expect(statuses(applyAccept([gone], [entry({ fingerprint: gone.fingerprint }, "2026-02-14")], { now }).findings)).toEqual(["expired"]);
    expect(statuses(applyAccept([gone], [entry({ fingerprint: gone.fingerprint }, "2026-02-15")], { now }).findings)).toEqual(["accepted"]);
    const both = applyAccept([gone], [entry({ fingerprint: gone.fingerprint }, "2026-01-01"), entry({ suite: "contacts" })], { now });
    expect(statuses(both.findings)).toEqual(["accepted"]);
    expect(both.stale).toEqual([]);
  });

  it("reports entries that matched nothing as stale", () => {
    const unused = entry({ fingerprint: "000000000000" });
    expect(applyAccept([gone], [unused], { now }).stale).toEqual([unused]);
  });

  it("never accepts a missing region (a gate rule): the entry stays stale", () => {
    const out = applyAccept([region], [entry({ region: "br" })], { now });
    expect(statuses(out.findings)).toEqual(["-"]);
    expect(out.stale).toHaveLength(1);
  });
});
