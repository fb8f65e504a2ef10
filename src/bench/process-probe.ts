import { writeFileSync } from "node:fs";

/**
 * Loaded with `node --require process-probe.js ...` into a measured process: when it exits, it writes its peak RSS
 * (KiB) and how many modules it loaded to the file CC_BENCH_PROBE_FILE names, so the bench measures the whole
 * process, start-up to exit.
 */
const file = process.env.CC_BENCH_PROBE_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, modules: Object.keys(require.cache).length }));
  });
}
