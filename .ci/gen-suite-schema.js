#!/usr/bin/env node
// `npm run gen:suite-schema`: writes the matcher $defs of schemas/suite.schema.json from the matcher registry
// (src/vocabulary/matchers.ts, built to dist/ first). src/vocabulary/matcher-schema.test.ts fails until this runs.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const stringify = require("json-stringify-pretty-compact");
const { withMatcherDefs } = require("../dist/vocabulary/matcher-schema");

const file = join(__dirname, "..", "schemas", "suite.schema.json");
const schema = withMatcherDefs(JSON.parse(readFileSync(file, "utf8")));
writeFileSync(file, `${stringify(schema, { maxLength: 120 })}\n`);
process.stdout.write(`wrote ${file}\n`);
