import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readLines } from "./read-lines";
import { tempDir } from "./testing/records";

async function linesOf(text: string): Promise<string[]> {
  const file = join(tempDir(), "lines.txt");
  writeFileSync(file, text);
  const out: string[] = [];
  for await (const line of readLines(file)) out.push(line);
  return out;
}

describe("readLines", () => {
  it("splits on \\n and \\r\\n and keeps a last line without a line break", async () => {
    expect(await linesOf("a\nb\r\n\nc")).toEqual(["a", "b", "", "c"]);
    expect(await linesOf("a\n")).toEqual(["a"]);
    expect(await linesOf("")).toEqual([]);
  });

  it("joins lines that span read chunks, multi-byte characters included", async () => {
    const long = "é".repeat(100_000) + "x";
    expect(await linesOf(`${long}\nshort\n${long}`)).toEqual([long, "short", long]);
    const chunkEdge = "a".repeat(64 * 1024 - 1);
    expect(await linesOf(`${chunkEdge}\n\u00e9\r\nz`)).toEqual([chunkEdge, "\u00e9", "z"]);
  });
});
