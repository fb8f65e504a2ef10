import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSpool } from "./spool";
import { partPath } from "./stale-parts";

const folder = () => mkdtempSync(join(tmpdir(), "cc-spool-"));
const text = (entry: { read(): Iterable<string> }): string => [...entry.read()].join("");

describe("a spool of suites' text", () => {
  it("gives each entry back in order, however entries interleave and whatever characters are cut between chunks", () => {
    const report = join(folder(), "results.json");
    const spool = openSpool(report);
    const [a, b, c] = [spool.entry(), spool.entry(), spool.entry()];
    const expected = { a: "", b: "", c: "" };
    for (let i = 0; i < 4000; i++) {
      const piece = `${i} ✓🚀ü ${"x".repeat(i % 50)}\n`;
      a.append(piece);
      expected.a += piece;
      if (i % 3 === 0) {
        b.append(piece.toUpperCase());
        expected.b += piece.toUpperCase();
      }
    }
    c.append("short");
    expected.c = "short";
    expect(existsSync(partPath(report))).toBe(true);
    expect(text(a)).toBe(expected.a);
    expect(text(b)).toBe(expected.b);
    expect(text(c)).toBe(expected.c);
    b.spill();
    expect(text(b)).toBe(expected.b);
    spool.remove();
    expect(readdirSync(join(report, ".."))).toEqual([]);
  });

  it("makes no file while every entry stays short, and starts the file over once no entry holds text in it", () => {
    const report = join(folder(), "report.html");
    const spool = openSpool(report);
    const short = spool.entry();
    short.append("a few steps");
    expect(text(short)).toBe("a few steps");
    expect(existsSync(partPath(report))).toBe(false);
    const long = spool.entry();
    long.append("y".repeat(200_000));
    expect(text(long)).toHaveLength(200_000);
    expect(statSync(partPath(report)).size).toBe(200_000);
    long.release();
    expect(statSync(partPath(report)).size).toBe(0);
    const next = spool.entry();
    next.append("z".repeat(70_000));
    expect(text(next) === "z".repeat(70_000)).toBe(true);
    spool.remove();
    expect(existsSync(partPath(report))).toBe(false);
  });

  it("removes the part files a killed run left of its report, and keeps those of a run still going and of other files", () => {
    const dir = folder();
    const report = join(dir, "junit.xml");
    const dead = 2 ** 22 + 12345; // above Linux's largest pid: no such process
    const left = [`junit.xml.${dead}.cases.part`, `junit.xml.${dead}.out.part`, `junit.xml.${process.ppid}.cases.part`, `results.json.${dead}.part`, "junit.xml.notes.part"];
    for (const name of left) writeFileSync(join(dir, name), "old");
    const spool = openSpool(report, "cases");
    expect(readdirSync(dir).sort()).toEqual([`junit.xml.${process.ppid}.cases.part`, "junit.xml.notes.part", `results.json.${dead}.part`].sort());
    spool.entry().append("c".repeat(100_000));
    expect(readdirSync(dir)).toContain(`junit.xml.${process.pid}.cases.part`);
    spool.remove();
  });
});
