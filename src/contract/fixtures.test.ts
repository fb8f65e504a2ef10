import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SINCH_PAYLOADS_DIR as FIXTURES } from "../testdata";
import { loadContract } from "./load-contract";

const SCHEMAS = resolve(__dirname, "../../schemas");

/** A fixture maps to a schema it must satisfy, to a schema it must break (with why), or is excluded (with why). */
type Entry = string | { schema: string; invalid: string } | { exclude: string };
const table = JSON.parse(readFileSync(join(__dirname, "fixture-table.json"), "utf8")) as Record<string, Entry>;
const { contract, diagnostics } = loadContract(SCHEMAS, { eager: true });

const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(FIXTURES, file), "utf8"));
const valid = Object.entries(table).filter((e): e is [string, string] => typeof e[1] === "string");
const invalid = Object.entries(table).filter((e): e is [string, { schema: string; invalid: string }] =>
  typeof e[1] === "object" && "invalid" in e[1]);

/** Fields the fixtures carry that the API does not document (reported as drift, accepted on purpose). */
const KNOWN_DRIFT: Record<string, string[]> = {
  // the .NET test's anonymous object adds a stray "error" key inside the envelope
  "error-response-invalid-argument-field-violation.json": ["/error/error"],
  // Sinch's skills repo (2026) shows redaction fields no SDK models yet
  "callback-skills-message-inbound-smart-conversation-redaction.json": [
    "/message_redaction/original_text",
    "/message_redaction/redaction_type",
  ],
};

describe("schema fixtures", () => {
  it("loads every schema without a diagnostic", () => {
    expect(diagnostics).toEqual([]);
  });

  it("maps or excludes every fixture file", () => {
    const unmapped = fixtureFiles.filter((f) => !(f in table));
    expect(unmapped).toEqual([]);
  });

  it("lists no fixture that does not exist", () => {
    const stale = Object.keys(table).filter((f) => !fixtureFiles.includes(f));
    expect(stale).toEqual([]);
  });

  it("gives every exclusion and known-invalid fixture a reason", () => {
    for (const entry of Object.values(table)) {
      if (typeof entry === "string") continue;
      const reason = "exclude" in entry ? entry.exclude : entry.invalid;
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it("maps only to schemas the contract knows", () => {
    const names = [...valid.map(([, s]) => s), ...invalid.map(([, e]) => e.schema)];
    expect(names.filter((n) => contract.resolveSchemaName(n) !== n)).toEqual([]);
  });

  it.each(valid)("%s validates against %s", (file, schema) => {
    const check = contract.validate(schema, read(file));
    expect(check.violations).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.drift.map((d) => d.instancePath)).toEqual(KNOWN_DRIFT[file] ?? []);
  });

  it.each(invalid)("%s is known not to match its schema", (file, entry) => {
    const check = contract.validate(entry.schema, read(file));
    expect(check.valid).toBe(false);
    expect(check.violations.length).toBeGreaterThan(0);
  });
});
