import { join } from "node:path";
import { readNameMarks, readTitleMarks } from "./marks";
import { referenceProblem } from "./testing/mark-references";
import { inventorySource, inventoryTests, type InventoriedTest } from "./testing/test-inventory";

const ROOT = join(__dirname, "../../..");
const EMULATOR_DIR = join(__dirname, "..");
const RULE = "end its title (or a describe's around it) with a mark: [fixture: file] [sdk: X path] [docs: §N] or [emulator-only]; see src/emulator/parity/README.md";

/** What is wrong with one test's marks, as `file:line:column title: problem` lines. */
function markProblems(test: InventoriedTest): string[] {
  const where = `${test.file}:${test.line}:${test.column} ${test.titles.join(" > ")}`;
  const problems = [...test.problems, ...test.marks.map(referenceProblem).filter((p): p is string => p !== undefined)];
  if (test.marks.length === 0) problems.push(`unmarked: ${RULE}`);
  return problems.map((p) => `${where}: ${p}`);
}

describe("the mark grammar [emulator-only]", () => {
  it("reads every mark a title ends with, and none from its middle", () => {
    expect(readTitleMarks("sends a message [fixture: message-send-response.json] [docs: §6]").marks).toEqual([
      { source: "fixture", reference: "message-send-response.json" }, { source: "docs", reference: "§6" },
    ]);
    expect(readTitleMarks("paths with [] and [*] steps, unmarked").marks).toEqual([]);
    expect(readTitleMarks("faults [emulator-only]").marks).toEqual([{ source: "emulator-only" }]);
  });

  it("refuses an unknown kind, a kind without its reference and emulator-only with one", () => {
    expect(readTitleMarks("x [fixtrue: a.json]").problems).toEqual([expect.stringContaining("is not a mark")]);
    expect(readTitleMarks("x [docs]").problems).toEqual(["[docs] needs a reference: [docs: ...]"]);
    expect(readTitleMarks("x [emulator-only: because]").problems).toEqual(["[emulator-only] takes no reference"]);
  });

  it("reads the marks of a full jest name, describe marks included", () => {
    expect(readNameMarks("faults [emulator-only] adds latency [docs: §9]")).toEqual([{ source: "emulator-only" }, { source: "docs", reference: "§9" }]);
  });

  it("checks each reference against the test data and API.md", () => {
    expect(referenceProblem({ source: "fixture", reference: "contact-response.json" })).toBeUndefined();
    expect(referenceProblem({ source: "fixture", reference: "callback-signature-vector-contact-create.json" })).toBeUndefined();
    expect(referenceProblem({ source: "fixture", reference: "contact-reponse.json" })).toContain("no fixture contact-reponse.json");
    expect(referenceProblem({ source: "docs", reference: "§7" })).toBeUndefined();
    expect(referenceProblem({ source: "docs", reference: "§42" })).toContain("API.md has no section 42");
    expect(referenceProblem({ source: "docs", reference: "callbacks" })).toContain("as §N");
    expect(referenceProblem({ source: "sdk", reference: "N plugins/oauth2/oauth2-api.ts" })).toBeUndefined();
    expect(referenceProblem({ source: "sdk", reference: "N plugins/oauth2/made-up.ts" })).toContain("cites no SDK file");
    expect(referenceProblem({ source: "sdk", reference: "N @sinch/no-such-sdk" })).toContain("no SDK package @sinch/no-such-sdk is installed");
    expect(referenceProblem({ source: "sdk", reference: "Q plugins/oauth2/oauth2-api.ts" })).toContain("the SDK's tag");
  });
});

describe("the test inventory [emulator-only]", () => {
  const text = [
    `describe("contacts [docs: §4]", () => { it("creates", () => {}); });`,
    `describe("faults", () => { it("drops [emulator-only]", () => {}); it("adds latency", () => {}); });`,
    `it.each([[1]])("case %s [fixture: contact-response.json]", () => {});`,
    "it(`built ${name}`, () => {});",
  ].join("\n");
  const tests = inventorySource(text, "src/emulator/x.test.ts");

  it("finds every test with its describes' marks and its own, without running it", () => {
    expect(tests.map((t) => [t.titles.join(" > "), t.line, t.marks.length])).toEqual([
      ["contacts [docs: §4] > creates", 1, 1], ["faults > drops [emulator-only]", 2, 1], ["faults > adds latency", 2, 0],
      ["case %s [fixture: contact-response.json]", 3, 1], ["built ${}", 4, 0],
    ]);
  });

  it("reports an unmarked test with file:line:column, and a title no mark can be read from", () => {
    const problems = tests.flatMap(markProblems);
    expect(problems).toEqual([
      expect.stringMatching(/^src\/emulator\/x\.test\.ts:2:\d+ faults > adds latency: unmarked: end its title/),
      expect.stringMatching(/^src\/emulator\/x\.test\.ts:4:1 built \$\{\}: unmarked/),
    ]);
  });
});

describe("every emulator test is marked with where its expected behaviour comes from [emulator-only]", () => {
  const tests = inventoryTests(EMULATOR_DIR, ROOT);

  it("finds the emulator's tests (this file's among them)", () => {
    expect(tests.length).toBeGreaterThan(100);
    expect(tests.some((t) => t.file === "src/emulator/parity/marks.test.ts")).toBe(true);
  });

  it("has a valid mark on every test", () => {
    expect(tests.flatMap(markProblems)).toEqual([]);
  });
});
