import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";

// `npm install` warns EBADENGINE when a package's engines.node does not cover the Node versions we support. The SDK
// is pinned to 1.4.0 (1.5.0 does not install here); this proves neither it nor anything it pulls in narrows ours.
interface LockPackage {
  version?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
}
type Lock = { packages: Record<string, LockPackage> };

const ROOT = path.resolve(__dirname, "../../..");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as T;

/** The lock entry a dependency of `from` resolves to: nested node_modules first, then each parent's. */
function resolve(lock: Lock, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules/")))) {
    const key = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return undefined;
  }
}

/** Every package in the closure of `start` whose engines.node does not admit all of `supported`. */
function narrowerEngines(lock: Lock, start: string, supported: string): string[] {
  const seen = new Set<string>();
  const narrower: string[] = [];
  const queue = [start];
  while (queue.length) {
    const key = queue.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = lock.packages[key] ?? {};
    const range = entry.engines?.node;
    if (range !== undefined && !semver.subset(supported, range)) narrower.push(`${key}@${entry.version} (${range})`);
    for (const dep of Object.keys(entry.dependencies ?? {})) {
      const target = resolve(lock, key, dep);
      if (target) queue.push(target);
    }
  }
  return narrower;
}

describe("the official SDK as a dev dependency", () => {
  const pkg = readJson<{ engines: { node: string }; devDependencies: Record<string, string> }>("package.json");
  const lock = readJson<Lock>("package-lock.json");

  it("is pinned exactly to @sinch/sdk-core 1.4.0", () => {
    expect(pkg.devDependencies["@sinch/sdk-core"]).toBe("1.4.0");
    expect(lock.packages["node_modules/@sinch/sdk-core"]?.version).toBe("1.4.0");
  });

  it("installs without EBADENGINE: no package it pulls in narrows the Node versions we support", () => {
    expect(narrowerEngines(lock, "node_modules/@sinch/sdk-core", pkg.engines.node)).toEqual([]);
  });

  it("the engines check finds a dependency that would warn", () => {
    const fake: Lock = {
      packages: {
        "node_modules/a": { version: "1.0.0", dependencies: { b: "^1" } },
        "node_modules/a/node_modules/b": { version: "1.0.0", engines: { node: ">=22" } },
        "node_modules/b": { version: "2.0.0", engines: { node: ">=6" } },
      },
    };
    expect(narrowerEngines(fake, "node_modules/a", pkg.engines.node)).toEqual(["node_modules/a/node_modules/b@1.0.0 (>=22)"]);
  });
});
