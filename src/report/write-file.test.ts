import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeReportChunks, writeReportFile } from "./write-file";

describe("writeReportChunks", () => {
  it("writes every chunk, in order, past the size it gathers before each write", () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-chunks-"));
    const chunks = Array.from({ length: 5000 }, (_, i) => `<line n="${i}"/>\n`);
    const path = writeReportChunks(dir, "r.xml", (write) => chunks.forEach(write));
    expect(readFileSync(path, "utf8")).toBe(chunks.join(""));
  });

  it("leaves the previous report and no temp file when making the new one fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-chunks-"));
    writeReportFile(dir, "r.xml", "previous");
    expect(() => writeReportChunks(dir, "r.xml", (write) => {
      write("x".repeat(100_000));
      throw new Error("a record broke");
    })).toThrow("a record broke");
    expect(readFileSync(join(dir, "r.xml"), "utf8")).toBe("previous");
    expect(readdirSync(dir)).toEqual(["r.xml"]);
  });
});
