import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { verdict } from "./figures";

const ROOT = join(__dirname, "..", "..");

describe("bench verdict", () => {
  it("says yes only when the target is met and the runner did its job", () => {
    expect(verdict(true, [])).toBe("yes");
    expect(verdict(false, [])).toBe("NO");
  });

  it("says NO (runner failed: ...) when steps failed or a cold-start spawn exited non-zero, however fast", () => {
    expect(verdict(true, ["round 2: 998 of 1000 steps passed, 1000 expected"])).toBe("NO (runner failed: round 2: 998 of 1000 steps passed, 1000 expected)");
    expect(verdict(true, ["spawn 1 exited 3", "spawn 4 exited 2"])).toBe("NO (runner failed: spawn 1 exited 3; spawn 4 exited 2)");
  });
});

describe("npm run bench", () => {
  // the figures of issue 13's table, each a line of the closing table; no time or size is asserted
  const FIGURES = [
    /^\| runner vs bare undici loop, 20 steps, loop only \| \d+\.\d\dx \| - \| - \|$/m,
    /^\| runner vs bare undici loop, 20 steps, whole process \| \d+\.\d\dx \| >= 0\.9x \| (yes|NO) \|$/m,
    /^\| cold start, warm cache \(x node -e 0\) \| [\d.]+ ms \([\d.]+x\), \d+ modules \| <= 250 ms \| (yes|NO) \|$/m,
    /^\| cold start, first run \(x node -e 0\) \| [\d.]+ ms \([\d.]+x\), \d+ modules \| <= 350 ms \| (yes|NO) \|$/m,
    /^\| peak RSS, 10 steps \(first run \/ warm\) \| [\d.]+ \/ [\d.]+ MiB \| - \| - \|$/m,
    /^\| peak RSS, 20 steps \(first run \/ warm\) \| [\d.]+ \/ [\d.]+ MiB \| - \| - \|$/m,
    /^\| peak RSS, 40 steps \(first run \/ warm\) \| [\d.]+ \/ [\d.]+ MiB \| - \| - \|$/m,
    /^\| peak RSS slope, 10 to 40 steps \| -?[\d.]+ KiB\/step \| flat \(< 0\.25 KiB\/step\) \| (yes|NO) \|$/m,
    /^\| concurrency 16, 5 ms latency, vs ideal \| [\d.]+x of ideal \| - \| - \|$/m,
    /^\| emulator GET contact \(autocannon, 10 connections\) \| \d+ req\/s \([\d.]+x bare echo\) \| - \| - \|$/m,
    /^\| emulator POST contacts \(autocannon, 10 connections\) \| \d+ req\/s \([\d.]+x bare echo\) \| >= 8000 req\/s \| (yes|NO) \|$/m,
    /^\| --timeout overshoot, worst of 50, 100, 250, 500, 1000 ms \| [\d.]+ ms \| <= 50 ms \| (yes|NO) \|$/m,
    /^\| compare of two 200-step results \| [\d.]+ ms, [\d.]+ MiB .* \| < 2000 ms, < 300 MiB \| (yes|NO) \|$/m,
  ];

  it("compiles, runs at a tiny size and prints every figure with its target", () => {
    expect(existsSync(join(ROOT, "dist", "cli", "main.js"))).toBe(true); // npm test builds it first (pretest)
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.bench.json"], { cwd: ROOT, stdio: "pipe" });
    const run = spawnSync(process.execPath, [join(ROOT, ".bench", "bench", "main.js"), "--tiny"], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const figure of FIGURES) expect(run.stdout).toMatch(figure);
    // every figure is a row that says yes or NO when it has a target: nothing measured was left out of the table
    expect(run.stdout.match(/^\| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \|$/gm)).toHaveLength(FIGURES.length + 1);
    expect(run.stdout).not.toMatch(/NaN|Infinity|runner failed/);
  }, 300_000);
});
