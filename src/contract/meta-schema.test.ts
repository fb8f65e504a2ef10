import type { ValidateFunction } from "ajv";
import { loadStandaloneModule } from "../testdata";
import { compileMetaSchemaValidator, createContractAjv } from "./contract-ajv";

// A --schemas folder from elsewhere is checked against the 2020-12 meta-schema on its first run; the build generates
// that meta-schema's validator (dist/contract/meta-schema.generated.js) so ajv need not compile it at run time.
const built = loadStandaloneModule<{ validate: ValidateFunction }>(compileMetaSchemaValidator().source).validate;
const META = "https://json-schema.org/draft/2020-12/schema";

const SCHEMAS: unknown[] = [
  { type: "object", properties: { a: { type: "string" } } },
  { $schema: META, type: 12 },
  { type: "object", properties: { a: { type: "strin" } } },
  { $schema: "", $defs: { x: { minimum: "a" } }, items: { $ref: "#/$defs/x", minItems: -1 } },
  { anyOf: [] },
  { $dynamicRef: 3, required: "a" },
  { properties: { x: { format: 1, pattern: 2 } } },
  { $schema: "http://json-schema.org/draft-07/schema#", type: "object" },
  { $schema: 7, type: "object" },
  { $id: 5 },
];

/** What adding the schema to a fresh contract ajv says: the error it throws, or "added". */
function added(schema: unknown, meta: ValidateFunction | undefined): string {
  const ajv = createContractAjv(true, false, meta);
  try {
    ajv.addSchema(schema as object, "s.json");
    return "added";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

describe("the meta-schema validator generated at build time", () => {
  it("finds exactly what ajv's own compiled meta-schema finds, in the same words", () => {
    const outcomes = SCHEMAS.map((s) => added(s, built));
    expect(outcomes).toEqual(SCHEMAS.map((s) => added(s, undefined)));
    expect(outcomes.filter((o) => o === "added")).toHaveLength(1);
    expect(outcomes[1]).toMatch(/^schema is invalid: data\/type must be equal to one of the allowed values/);
  });

  it("is the one used for schemas that name the 2020-12 meta-schema or none (a stand-in that refuses all proves it)", () => {
    const refuse = Object.assign(() => false, { errors: [{ instancePath: "", message: "refused", keyword: "x", schemaPath: "#", params: {} }] }) as unknown as ValidateFunction;
    expect(added({ type: "object" }, refuse)).toBe("schema is invalid: data refused");
    expect(added({ $schema: META, type: "object" }, refuse)).toBe("schema is invalid: data refused");
    expect(added({ $schema: "http://json-schema.org/draft-07/schema#" }, refuse)).toBe(added({ $schema: "http://json-schema.org/draft-07/schema#" }, undefined));
    expect(added({ type: "object" }, undefined)).toBe("added");
  });
});
