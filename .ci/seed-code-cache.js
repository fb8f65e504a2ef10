#!/usr/bin/env node
// Part of `npm run build`, last: the code cache's seed, dist/cli/code-seed-<id>.bin (src/cli/code-cache.ts). A run
// takes the code of a file its own store does not have from it, so even a first run does not compile the CLI's bundle
// and the libraries of dist/vendor/ (about 60 ms of a one-step first run). It is V8's code as a real run compiled it:
// suites/contacts.yaml against the emulator served by another process (as against a region: the run's code, not the
// emulator's, which a run elsewhere never calls), the vendored libraries loaded first (a run whose start-up cache hits
// loads no parser). It holds for the Node.js that built it; another version's V8 rejects it and the run compiles as
// before. Making it cannot fail the build: without a seed a first run is only slower.
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const MAIN = join(DIST, "cli", "main.js");

/** The emulator in its own process on a free port, and where it listens (its `--json` line). */
function serveEmulator() {
  const child = spawn(process.execPath, [MAIN, "emulator", "--port", "0", "--json"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("the emulator did not start within 30 s")), 30_000);
    child.on("exit", (code) => reject(new Error(`the emulator exited ${code}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (!out.includes("\n")) return;
      clearTimeout(timer);
      resolve({ info: JSON.parse(out.slice(0, out.indexOf("\n"))), stop: () => child.kill() });
    });
  });
}

async function makeSeed(dir) {
  const { removeSeed, writeSeed } = require(join(DIST, "cli", "code-cache.js"));
  // the process below must compile everything itself, not take the code of the last build's seed
  removeSeed(join(DIST, "cli"));
  const emulator = await serveEmulator();
  try {
    // the package's environment file of the standalone emulator, on the port it got
    const port = new URL(emulator.info.adminUrl).port;
    const env = join(dir, "emulator.postman_environment.json");
    writeFileSync(env, readFileSync(join(ROOT, "collections", "environments", "emulator.postman_environment.json"), "utf8").replaceAll("8787", port));
    const run = spawnSync(process.execPath, [__filename, "--in", dir, "run", "suites/contacts.yaml", "--env", `us=${env}`, "--out", join(dir, "reports")], {
      cwd: ROOT, env: { ...process.env, CI: "true" }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`the run exited ${run.status ?? run.signal}: ${(run.stderr ?? "").trim().slice(0, 500)}`);
  } finally {
    emulator.stop();
  }
  writeSeed(dir, ROOT, join(DIST, "cli"));
}

if (process.argv[2] === "--in") {
  // the process that compiles: loaded as the bin loads the CLI, its store in the folder given; the CLI sees the rest
  const dir = process.argv[3];
  process.argv.splice(2, 2);
  const { createEmptyStore } = require(join(DIST, "cli", "code-cache.js"));
  const { prepareCli } = require(join(DIST, "cli", "prepare-cli.js"));
  const { VENDORED } = require(join(DIST, "vocabulary", "vendored.js"));
  createEmptyStore(dir);
  prepareCli(dir);
  for (const name of Object.keys(VENDORED)) require(join(DIST, "vendor", `${name}.js`));
  require(join(DIST, "cli", "entry.js"));
} else {
  const dir = mkdtempSync(join(tmpdir(), "cc-code-seed-"));
  makeSeed(dir)
    .catch((error) => process.stderr.write(`warning: no code cache seed (a first run compiles the CLI): ${error instanceof Error ? error.message : String(error)}\n`))
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
