import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DiagnosticError } from "../diagnostics";
import { RESULTS_FORMAT_VERSION } from "../model";
import { readResults, type ResultsEntry } from "./read-results";
import { runFooter, runHeader, suiteRecord, tempDir, writeResults } from "./testing/records";

async function readAll(file: string): Promise<ResultsEntry[]> {
  const out: ResultsEntry[] = [];
  for await (const entry of readResults(file)) out.push(entry);
  return out;
}

async function diagnosticOf(file: string): Promise<{ code: string; message: string; line?: number; hint?: string }> {
  try {
    await readAll(file);
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error("expected a diagnostic");
}

const suites = [
  suiteRecord("contacts", "us", [{ name: "create contact", shape: { $: "object", "$.id": "string" } }, { name: "list\ncontacts" }]),
  suiteRecord("messages", "eu", [{ name: "send", failures: [{ kind: "status", message: "status 500" }] }]),
];

describe("results file round trip", () => {
  it("reads back the header, every record in order and the footer, as written", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites);
    const entries = await readAll(file);
    expect(entries.map((e) => e.type)).toEqual(["header", "suite", "suite", "end"]);
    expect(entries[0]).toEqual({ type: "header", header: runHeader(), file });
    expect(entries[1]).toEqual({ type: "suite", suite: suites[0], line: 2 });
    expect(entries[2]).toEqual({ type: "suite", suite: suites[1], line: 3 });
    expect(entries[3]).toEqual({ type: "end", footer: runFooter(), truncated: false });
  });

  it("writes exactly the layout of RESULTS-FORMAT, which is also one JSON document", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites);
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    // a shape is written last in its step, in full with its id the first time
    const { shape, ...rest } = suites[0]!.steps[0]!;
    const written = { ...suites[0]!, steps: [{ ...rest, shape, shapeId: 0 }, suites[0]!.steps[1]] };
    expect(lines[0]).toBe(`{"formatVersion":${RESULTS_FORMAT_VERSION},"header":${JSON.stringify(runHeader())},"suites":[`);
    expect(lines[1]).toBe(JSON.stringify(written));
    expect(lines[2]).toBe(`,${JSON.stringify(suites[1])}`);
    expect(lines[3]).toBe(`],"footer":${JSON.stringify(runFooter())}}`);
    expect(lines[4]).toBe("");
    expect(JSON.parse(text)).toEqual({ formatVersion: 3, header: runHeader(), suites: [written, suites[1]], footer: runFooter() });
  });

  it("writes a shape seen before as its id, and reads it back as the one shape object", async () => {
    const shape = { $: "object", "$.id": "string" };
    const other = { $: "object", "$.ok": "boolean" };
    const runs = [
      suiteRecord("a", "us", [{ name: "one", shape }, { name: "two", shape: { ...shape } }, { name: "three", shape: other }]),
      suiteRecord("b", "us", [{ name: "four", shape: { ...other } }]),
    ];
    const file = await writeResults(join(tempDir(), "results.json"), runs);
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines[1]!.match(/"shape":(\d+|\{[^}]*\})(,"shapeId":\d+)?/g)).toEqual([
      '"shape":{"$":"object","$.id":"string"},"shapeId":0', '"shape":0', '"shape":{"$":"object","$.ok":"boolean"},"shapeId":1',
    ]);
    expect(lines[2]).toContain('"shape":1}');
    const read = (await readAll(file)).flatMap((e) => (e.type === "suite" ? e.suite.steps : []));
    expect(read.map((s) => s.shape)).toEqual([shape, shape, other, other]);
    expect(read[1]!.shape).toBe(read[0]!.shape);
    expect(read[3]!.shape).toBe(read[2]!.shape);
    expect(read.some((s) => "shapeId" in s)).toBe(false);
  });

  it("reads a version 2 file (every shape in full)", async () => {
    const file = join(tempDir(), "v2.json");
    writeFileSync(file, `{"formatVersion":2,"header":${JSON.stringify(runHeader())},"suites":[\n${suites.map((x) => JSON.stringify(x)).join("\n,")}\n],"footer":${JSON.stringify(runFooter())}}\n`);
    expect((await readAll(file)).flatMap((e) => (e.type === "suite" ? [e.suite] : []))).toEqual(suites);
  });

  it("reads a run without suites", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), []);
    expect((await readAll(file)).map((e) => e.type)).toEqual(["header", "end"]);
    expect(JSON.parse(readFileSync(file, "utf8")).suites).toEqual([]);
  });

  it("yields every complete record of a run that was cut short, then truncated", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites, { truncated: true });
    const entries = await readAll(file);
    expect(entries.map((e) => e.type)).toEqual(["header", "suite", "suite", "end"]);
    expect(entries[3]).toEqual({ type: "end", footer: undefined, truncated: true });
  });

  it("treats half a last line as the cut of a killed run", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites, { truncated: true });
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, text.length - 40));
    const entries = await readAll(file);
    expect(entries.map((e) => e.type)).toEqual(["header", "suite", "end"]);
    expect(entries.at(-1)).toMatchObject({ truncated: true });
  });
});

describe("what is not a results file", () => {
  const write = (text: string) => {
    const file = join(tempDir(), "x.json");
    writeFileSync(file, text);
    return file;
  };

  it("says CC_RESULTS_VERSION for a 0.1.0 results file, with the hint to re-record", async () => {
    const v1 = write(JSON.stringify({ formatVersion: 1, tool: {}, suites: [] }) + "\n");
    expect(await diagnosticOf(v1)).toMatchObject({ code: "CC_RESULTS_VERSION", file: v1, line: 1, hint: "re-run with this version to record a baseline" });
    expect(await diagnosticOf(write('{"formatVersion":4,"header":{}}'))).toMatchObject({ code: "CC_RESULTS_VERSION", message: expect.stringContaining("version 4") });
  });

  it("says CC_NOT_RESULTS for other JSON, an empty file, or a reformatted results file", async () => {
    expect(await diagnosticOf(write('{"name":"x"}\n'))).toMatchObject({ code: "CC_NOT_RESULTS", line: 1 });
    expect(await diagnosticOf(write(""))).toMatchObject({ code: "CC_NOT_RESULTS", line: 1 });
    const pretty = write(JSON.stringify({ formatVersion: 2, header: runHeader(), suites: [], footer: runFooter() }, null, 2));
    expect(await diagnosticOf(pretty)).toMatchObject({ code: "CC_NOT_RESULTS", message: expect.stringContaining("reformatted") });
  });

  it("names the line of a broken record when more lines follow it", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites);
    const lines = readFileSync(file, "utf8").split("\n");
    lines[1] = lines[1]!.slice(0, 30);
    writeFileSync(file, lines.join("\n"));
    expect(await diagnosticOf(file)).toMatchObject({ code: "CC_NOT_RESULTS", file, line: 2 });
  });

  it("names the line of a step that refers to a shape no earlier step defined", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites);
    writeFileSync(file, readFileSync(file, "utf8").replace('"shape":{"$":"object","$.id":"string"},"shapeId":0', '"shape":7'));
    expect(await diagnosticOf(file)).toMatchObject({ code: "CC_NOT_RESULTS", line: 2, message: expect.stringContaining("step 1 refers to shape 7, which no earlier step defined") });
  });

  it("names the line of a record without step keys, and content after the footer", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('"key":"contacts@us/steps/create contact"', '"id":"x"'));
    expect(await diagnosticOf(file)).toMatchObject({ code: "CC_NOT_RESULTS", line: 2, message: expect.stringContaining("step 1") });
    writeFileSync(file, text.replace('"drift":[]', '"drift":{}'));
    expect(await diagnosticOf(file)).toMatchObject({ code: "CC_NOT_RESULTS", line: 2, message: expect.stringContaining("step 1 has no failures, drift or attempts list") });
    writeFileSync(file, text + "more\n");
    expect(await diagnosticOf(file)).toMatchObject({ code: "CC_NOT_RESULTS", line: 5 });
  });

  it("says CC_FILE_NOT_FOUND and CC_FILE_UNREADABLE for a missing file and a directory", async () => {
    const dir = tempDir();
    expect(await diagnosticOf(join(dir, "nope.json"))).toMatchObject({ code: "CC_FILE_NOT_FOUND" });
    mkdirSync(join(dir, "sub"));
    expect(await diagnosticOf(join(dir, "sub"))).toMatchObject({ code: "CC_FILE_UNREADABLE" });
  });
});

describe("reading stops cleanly", () => {
  it("closes the file when a consumer stops early or a line is bad (no descriptor left open)", async () => {
    const file = await writeResults(join(tempDir(), "results.json"), suites);
    // the system hands out the lowest free descriptor: every one left open pushes the next number up
    const nextDescriptor = () => {
      const fd = openSync(file, "r");
      closeSync(fd);
      return fd;
    };
    const before = nextDescriptor();
    for (let i = 0; i < 20; i++) {
      for await (const entry of readResults(file)) if (entry.type === "suite") break;
    }
    const broken = join(tempDir(), "broken.json");
    writeFileSync(broken, readFileSync(file, "utf8").replace('"key":"contacts@us/steps/create contact"', '"id":"x"'));
    for (let i = 0; i < 20; i++) await diagnosticOf(broken);
    expect(nextDescriptor()).toBeLessThanOrEqual(before);
  });
});
