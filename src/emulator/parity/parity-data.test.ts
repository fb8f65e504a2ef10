import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadOperationMap } from "../../load";
import { SCHEMAS_DIR } from "../contract-loader";
import { collectParityData, PARITY_DATA, parityReadmeSections, parseScopeNotes, readSection, README_SECTIONS, writeSection, type ParityData } from "./index";
import { parityTable, summarizeMarks } from "./table";
import { inventoryTests, type InventoriedTest } from "./testing/test-inventory";

const ROOT = join(__dirname, "../../..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const SCOPE_NOTES = readFileSync(join(ROOT, "src/emulator/SCOPE-NOTES.md"), "utf8");
const OPERATIONS = loadOperationMap(SCHEMAS_DIR).map.operations;
const REGENERATE = "run `npm run gen:parity -- --no-record` (or `npm run gen:parity` to record the tests' replies again)";

/** The README sections that differ from what `data` renders, with what to do about it. */
function staleSections(readme: string, data: ParityData): string[] {
  const rendered = parityReadmeSections(data);
  return README_SECTIONS.filter((name) => readSection(readme, name) !== rendered[name]).map((name) => `README.md's ${name} section is stale: ${REGENERATE}`);
}

/** jest's full name of a test as a pattern: `.each` placeholders and template holes match anything. */
function namePattern(test: InventoriedTest): RegExp {
  const escaped = test.titles.join(" ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/%[sdifjoOp#]/g, ".*").replace(/\\\$\\\{\\\}/g, ".*")}$`);
}

/** The tests the data names that no test file holds any more (renamed, re-marked or removed). */
function vanishedTests(data: ParityData, tests: InventoriedTest[]): string[] {
  return data.tests.filter((t) => !tests.some((i) => i.file === t.file && namePattern(i).test(t.name))).map((t) => `${t.file}: "${t.name}": ${REGENERATE}`);
}

describe("parity-data.json, SCOPE-NOTES.md and the README agree [emulator-only]", () => {
  it("has README sections that are exactly what the data renders", () => {
    expect(staleSections(README, PARITY_DATA)).toEqual([]);
  });

  it("carries the notes of SCOPE-NOTES.md, every line of which is a note, a heading or a comment", () => {
    const notes = parseScopeNotes(SCOPE_NOTES);
    expect(notes.problems).toEqual([]);
    expect(PARITY_DATA.scope).toEqual(notes.notes);
    expect(PARITY_DATA.scope.join("\n")).toMatch(/Real delivery[\s\S]*Rate limits[\s\S]*Channel-specific validation/);
  });

  it("names only tests that still exist with those titles and marks, and only operations of the contract", () => {
    expect(PARITY_DATA.tests.length).toBeGreaterThan(50);
    expect(vanishedTests(PARITY_DATA, inventoryTests(join(ROOT, "src/emulator"), ROOT))).toEqual([]);
    expect(Object.keys(PARITY_DATA.operations).filter((id) => !OPERATIONS[id])).toEqual([]);
  });
});

describe("the checks above fail when they should [emulator-only]", () => {
  it("finds a section edited by hand, and a README without the markers", () => {
    const edited = writeSection(README, "emulator-scope", "- everything is emulated") as string;
    expect(staleSections(edited, PARITY_DATA)).toEqual([expect.stringContaining("emulator-scope section is stale: run `npm run gen:parity")]);
    expect(readSection("# no markers", "emulator-parity")).toBeUndefined();
    expect(writeSection("# no markers", "emulator-parity", "x")).toBeUndefined();
  });

  it("finds data whose scope or tests are out of date", () => {
    expect(staleSections(README, { ...PARITY_DATA, scope: [...PARITY_DATA.scope, "a new note"] })).toHaveLength(1);
    const renamed = { ...PARITY_DATA, tests: [{ file: "src/emulator/errors.test.ts", name: "error envelope a test renamed since", marks: [] }] };
    expect(vanishedTests(renamed, inventoryTests(join(ROOT, "src/emulator"), ROOT))).toEqual([expect.stringContaining("a test renamed since")]);
  });

  it("reads notes with continuations and comments, and refuses a line that is none of these", () => {
    const parsed = parseScopeNotes("# T\n<!-- a\ncomment -->\n- one\n  more\n\n- two\nstray paragraph\n");
    expect(parsed.notes).toEqual(["one more", "two"]);
    expect(parsed.problems).toEqual([{ line: 8, message: expect.stringContaining('write each note as a "- " bullet') }]);
  });
});

describe("collecting and tabling the replies [emulator-only]", () => {
  const records = [
    { file: "a.test.ts", test: "contacts [docs: §4] creates [fixture: contact-response.json] [fixture: app-response.json]", operation: "Contacts/Create contact", status: 200 },
    { file: "a.test.ts", test: "contacts [docs: §4] creates [fixture: contact-response.json] [fixture: app-response.json]", operation: "Contacts/Create contact", status: 200 },
    { file: "b.test.ts", test: "faults [emulator-only]", operation: "Contacts/Create contact", status: 503 },
    { file: "b.test.ts", test: "faults [emulator-only]", operation: "Not/An operation", status: 200 },
  ];
  const data = collectParityData(records, {
    operations: OPERATIONS, fixtureSchemas: { "contact-response.json": "contact", "app-response.json": "app" }, scope: ["note"],
  });

  it("groups replies by operation and status, keeps fixtures that hold the reply's schema only, drops unknown operations", () => {
    expect(data.tests.map((t) => t.file)).toEqual(["a.test.ts", "b.test.ts"]);
    expect(data.operations).toEqual({
      "Contacts/Create contact": { 200: { tests: [0], marks: ["docs: §4", "fixture: contact-response.json"] }, 503: { tests: [1], marks: ["emulator-only"] } },
    });
  });

  it("lists each declared status no test saw, and the operation's known gaps", () => {
    const create = parityTable(data, OPERATIONS).find((op) => op.id === "Contacts/Create contact");
    expect(create?.rows).toEqual([
      { status: "200", tests: 1, marks: ["docs: §4", "fixture: contact-response.json"] }, { status: "503", tests: 1, marks: ["emulator-only"] },
      { status: "4xx", tests: 0, marks: [] },
    ]);
    expect(create?.gaps.join("\n")).toContain("no per-channel format check");
    expect(summarizeMarks(["docs: §3", "docs: §4", "emulator-only", "fixture: a.json"])).toBe("docs: §3, §4 · emulator-only · fixture: a.json");
  });
});
