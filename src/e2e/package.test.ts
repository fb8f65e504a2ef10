import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { subset, validRange } from "semver";

const ROOT = resolve(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string; engines: { node: string }; files: string[] };
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }>;
};

describe("the package", () => {
  it("supports, in every dependency, each Node version its engines field admits (so npm ci warns no EBADENGINE)", () => {
    expect(validRange(pkg.engines.node)).not.toBeNull();
    const narrower = Object.entries(lock.packages)
      .filter(([path]) => path !== "")
      .map(([path, p]) => ({ path, node: Array.isArray(p.engines) ? undefined : p.engines?.node }))
      .filter((p): p is { path: string; node: string } => typeof p.node === "string" && validRange(p.node) !== null)
      .filter((p) => !subset(pkg.engines.node, p.node))
      .map((p) => `${p.path} wants node ${p.node}`);
    expect(narrower).toEqual([]);
  });

  it("the lockfile records the same engines as package.json", () => {
    expect((lock.packages[""]?.engines as { node?: string } | undefined)?.node).toBe(pkg.engines.node);
  });

  it("ships the Apache-2.0 LICENSE its package.json names", () => {
    expect(pkg.license).toBe("Apache-2.0");
    const license = readFileSync(join(ROOT, "LICENSE"), "utf8");
    expect(license).toContain("Apache License\n                           Version 2.0, January 2004");
    expect(license).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
    expect(license).toContain("END OF TERMS AND CONDITIONS");
  });
});
