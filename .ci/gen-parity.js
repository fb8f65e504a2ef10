#!/usr/bin/env node
// `npm run gen:parity`: runs the emulator's tests with CC_PARITY_RECORD set (the harness records every reply with its
// operation, status and test), writes src/emulator/parity/parity-data.json with the notes of src/emulator/SCOPE-NOTES.md,
// and rewrites README.md's generated emulator sections. `-- --no-record` keeps the recorded replies and redoes the rest.
// Runs on dist/ (npm run build first, which the npm script does). src/emulator/parity/parity-data.test.ts fails until it runs.
"use strict";
const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { spawnSync } = require("node:child_process");
const stringify = require("json-stringify-pretty-compact");
const parity = require("../dist/emulator/parity");
const { loadOperationMap } = require("../dist/load");

const ROOT = join(__dirname, "..");
const DATA = join(ROOT, "src", "emulator", "parity", "parity-data.json");
const README = join(ROOT, "README.md");

function fail(message) {
  process.stderr.write(`gen:parity: ${message}\n`);
  process.exit(1);
}

function recordReplies() {
  const dir = mkdtempSync(join(tmpdir(), "cc-parity-"));
  const jest = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "src/emulator"], {
    cwd: ROOT, stdio: "inherit", env: { ...process.env, CC_PARITY_RECORD: dir },
  });
  if (jest.status !== 0) fail("the emulator's tests failed, so parity-data.json is left as it was");
  const lines = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean));
  rmSync(dir, { recursive: true, force: true });
  return lines.map((line) => JSON.parse(line));
}

const scope = parity.parseScopeNotes(readFileSync(join(ROOT, "src", "emulator", "SCOPE-NOTES.md"), "utf8"));
if (scope.problems.length) fail(scope.problems.map((p) => `SCOPE-NOTES.md:${p.line}: ${p.message}`).join("\n"));
const previous = JSON.parse(readFileSync(DATA, "utf8"));
const data = process.argv.includes("--no-record")
  ? { ...previous, scope: scope.notes }
  : parity.collectParityData(recordReplies(), {
    operations: loadOperationMap(join(ROOT, "schemas")).map.operations,
    fixtureSchemas: Object.fromEntries(Object.entries(require("../src/contract/fixture-table.json")).map(([f, s]) => [f, typeof s === "string" ? s : s.schema])),
    scope: scope.notes,
  });
writeFileSync(DATA, `${stringify(data, { maxLength: 120 })}\n`);

let readme = readFileSync(README, "utf8");
for (const [name, body] of Object.entries(parity.parityReadmeSections(data))) {
  readme = parity.writeSection(readme, name, body) ?? fail(`README.md has no <!-- generated: ${name} --> ... <!-- end ${name} --> markers`);
}
writeFileSync(README, readme);
process.stdout.write(`wrote ${DATA} (${data.tests.length} tests) and README.md's ${parity.README_SECTIONS.join(", ")} sections\n`);
