import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const GOLDEN_DIR = join(__dirname, "golden");

/** Replaces what changes from run to run: durations, ports, timestamps, host names, generated ids, temp paths. */
export function scrub(text: string, extra: Array<[string, string]> = []): string {
  let out = text;
  for (const [value, placeholder] of extra) if (value) out = out.split(value).join(placeholder);
  return out
    .replace(/^(&lt; |< )date: .*$/gim, "$1date: <DATE>")
    .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<PORT>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, "<TIMESTAMP>")
    .replace(/hostname="[^"]*"/g, 'hostname="<HOST>"')
    .replace(/time="[\d.]+"/g, 'time="<T>"')
    .replace(/\b\d+(\.\d+)?(ms|s)\b/g, "<T>")
    .replace(/green \d+/g, "green <N>");
}

/** Compares with src/e2e/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file ${name} did not exist; written now, check it and rerun`);
    return;
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}
