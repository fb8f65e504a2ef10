import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULTS, OPTIONS } from "./options";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

describe("README options table", () => {
  it.each(OPTIONS.map((o) => [o.flag, o] as const))("documents --%s with its environment variable and default", (_flag, o) => {
    const row = readme.split("\n").find((l) => l.startsWith(`| \`--${o.flag}`));
    expect(row).toBeDefined();
    if (o.env) expect(row).toContain(`\`${o.env}\``);
    const d = DEFAULTS[o.key];
    if (typeof d === "number") expect(row).toContain(`\`${d}\``);
  });
});
