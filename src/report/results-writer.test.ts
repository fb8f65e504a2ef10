import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createRedactor, DiagnosticError } from "../diagnostics";
import { runFooter, runHeader, suiteRecord, tempDir } from "../gate/testing/records";
import { readResults, type ResultsEntry } from "../gate/read-results";
import { createResultsWriter, openResultsFile } from "./results-writer";

/** Waits until the file holds `lines` complete lines (a condition, not a guess at how long writing takes). */
async function untilFileHas(path: string, lines: number): Promise<void> {
  while ((readFileSync(path, "utf8").match(/\n/g) ?? []).length < lines) await new Promise((r) => setTimeout(r, 5));
}

async function collect(entries: AsyncIterable<ResultsEntry>): Promise<ResultsEntry[]> {
  const out: ResultsEntry[] = [];
  for await (const e of entries) out.push(e);
  return out;
}

const SECRET = "s3cr3t-client-value";
const suite = suiteRecord("contacts", "us", [{ name: "create contact" }]);

/** A stream that holds every chunk until the test lets it through. */
function heldStream(): { stream: Writable; chunks: string[]; release(): void } {
  const chunks: string[] = [];
  const held: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      held.push(done);
    },
  });
  return { stream, chunks, release: () => held.splice(0).forEach((done) => done()) };
}

describe("results writer", () => {
  it("waits for the stream to drain before a write resolves (back-pressure)", async () => {
    const { stream, release } = heldStream();
    const writer = createResultsWriter(stream, runHeader());
    let done = false;
    const writing = writer.write(suite).then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    release(); // the header
    await new Promise((r) => setImmediate(r));
    release(); // the record
    await writing;
    expect(done).toBe(true);
  });

  it("writes in place as records come: a run killed before close leaves a file the reader takes as cut short", async () => {
    const dir = tempDir();
    const path = join(dir, "out", "results.json");
    const file = await openResultsFile(path, runHeader());
    await file.write(suite);
    await untilFileHas(path, 2); // the stream hands lines to the file in the background
    const entries = await collect(readResults(path));
    expect(entries.map((e) => e.type)).toEqual(["header", "suite", "end"]);
    expect(entries[2]).toEqual({ type: "end", footer: undefined, truncated: true });
    await file.close(runFooter());
    expect(JSON.parse(readFileSync(path, "utf8")).suites).toEqual([suite]);
    expect(readdirSync(join(dir, "out"))).toEqual(["results.json"]);
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });

  it("redacts every line and keeps the JSON valid", async () => {
    const path = join(tempDir(), "results.json");
    const leaky = suiteRecord("contacts", "us", [{ name: "create contact", error: { code: "CC_NETWORK_ERROR", message: `failed for "${SECRET}"` } }]);
    const file = await openResultsFile(path, runHeader({ target: `https://x.test/?k=${SECRET}` }), { redactor: createRedactor([SECRET]) });
    await file.write(leaky);
    await file.close(runFooter());
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).suites[0].steps[0].error.message).toBe('failed for "[REDACTED]"');
  });

  it("writes a large suite's line in pieces, the same text as the whole line redacted", async () => {
    const steps = Array.from({ length: 3000 }, (_, i) => ({ name: `step ${i}`, error: { code: "CC_NETWORK_ERROR", message: `failed for "${SECRET}" µ` } }));
    const large = suiteRecord("contacts", "us", steps);
    const redactor = createRedactor([SECRET]);
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const writer = createResultsWriter(stream, runHeader(), { redactor });
    await writer.write(suite);
    await writer.write(large);
    await writer.close(runFooter());
    const lines = chunks.join("").split("\n");
    expect(lines[2]).toBe(`,${redactor.redact(JSON.stringify(large))}`);
    expect(lines[2]).not.toContain(SECRET);
    expect(chunks.length).toBeGreaterThan(4); // header, small record, footer, and the large one in more than one piece
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(lines[2]!.length / 2);
  });

  it("turns an unwritable path into a CC_REPORT_WRITE diagnostic", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file"), "");
    const opening = openResultsFile(join(dir, "file", "results.json"), runHeader());
    await expect(opening).rejects.toBeInstanceOf(DiagnosticError);
    await expect(opening).rejects.toMatchObject({ diagnostics: [{ code: "CC_REPORT_WRITE" }] });
  });

  it("refuses to write after close", async () => {
    const file = await openResultsFile(join(tempDir(), "results.json"), runHeader());
    await file.close(runFooter());
    await expect(file.write(suite)).rejects.toMatchObject({ diagnostics: [{ code: "CC_REPORT_WRITE" }] });
  });
});
