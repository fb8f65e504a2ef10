import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import type Ajv2020 from "ajv/dist/2020";
import type { LoadedSchema } from "../load/schemas";
import { vendoredBundle } from "../vocabulary/vendored";
import { CLOSED_PREFIX, closedVariant } from "./closed-schema";

const OPTIONS = { allErrors: true, strict: false, verbose: true, logger: false } as const;

/**
 * The key under which the check "closed at every level" of a schema is registered. It has no "/", so the relative
 * $ref to the closed variant resolves to that variant's own $id.
 */
export function closedCheckKey(id: string): string {
  return `closed-check~${id.replace(/\//g, "~")}`;
}

/** What a contract is compiled with: ajv, its formats and its standalone code generator. */
interface AjvCompiler {
  Ajv2020: typeof Ajv2020;
  addFormats: (ajv: Ajv2020) => void;
  standaloneCode: typeof import("ajv/dist/standalone").default;
}

let compiler: AjvCompiler | undefined;

/**
 * ajv's compiler, loaded on first use (a run with built or kept validators never loads it): the build's bundle of it
 * (vocabulary/vendored), else the installed packages.
 */
function ajvCompiler(): AjvCompiler {
  if (compiler) return compiler;
  const bundle = vendoredBundle("ajv-compiler");
  /* eslint-disable @typescript-eslint/no-require-imports */
  compiler =
    bundle === undefined
      ? {
          Ajv2020: (require("ajv/dist/2020") as { default: typeof Ajv2020 }).default,
          addFormats: (require("ajv-formats") as { default: (ajv: Ajv2020) => void }).default,
          standaloneCode: (require("ajv/dist/standalone") as typeof import("ajv/dist/standalone")).default,
        }
      : (require(bundle) as AjvCompiler);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return compiler;
}

/** The JSON Schema 2020-12 meta-schema, the default of a contract's ajv. */
const META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";

/**
 * A contract's ajv instance with formats. With `validateSchema`, schemas that name the 2020-12 meta-schema (or none)
 * are checked with `meta`, the meta-schema's validator generated at build time, where ajv would first compile that
 * meta-schema (most of a first run's schema work); the check and its error are ajv's own.
 */
export function createContractAjv(validateSchema: boolean, source = false, meta: ValidateFunction | undefined = builtMetaValidator()): Ajv2020 {
  const { Ajv2020: Ajv, addFormats } = ajvCompiler();
  const ajv = new Ajv({ ...OPTIONS, validateSchema, code: { source } });
  addFormats(ajv);
  if (validateSchema && meta) {
    const compiled = ajv.validateSchema.bind(ajv);
    // what Ajv.validateSchema does (ajv/lib/core.ts), with the built validator for the default meta-schema
    ajv.validateSchema = (schema, throwOrLogError) => {
      if (typeof schema == "boolean") return true;
      const named: unknown = schema.$schema;
      if (named !== undefined && named !== "" && named !== META_SCHEMA_ID) return compiled(schema, throwOrLogError);
      const valid = meta(schema);
      ajv.errors = meta.errors;
      if (!valid && throwOrLogError) throw new Error(`schema is invalid: ${ajv.errorsText()}`);
      return valid;
    };
  }
  return ajv;
}

/** The meta-schema's standalone validator source, for the build (.ci/gen-validators.js), with the ajv version it needs. */
export function compileMetaSchemaValidator(): { source: string; ajvVersion: string } {
  const ajv = createContractAjv(false, true);
  const { standaloneCode } = ajvCompiler();
  return { source: standaloneCode(ajv, { validate: META_SCHEMA_ID }), ajvVersion: ajvVersion() };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ajvVersion = (): string => (require("ajv/package.json") as { version: string }).version;

/** The meta-schema's validator the build generated for this very ajv; undefined without one (running from source). */
function builtMetaValidator(): ValidateFunction | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(join(__dirname, "meta-schema.generated.js")) as { validate?: ValidateFunction; ajvVersion?: string };
    return built.ajvVersion === ajvVersion() && typeof built.validate === "function" ? built.validate : undefined;
  } catch {
    return undefined;
  }
}

/** Add a schema, its closed variant and the check against that variant; throws what ajv throws. */
export function addContractSchema(ajv: Ajv2020, s: LoadedSchema): void {
  ajv.addSchema(s.schema, s.id);
  ajv.addSchema(closedVariant(s.schema, s.id), CLOSED_PREFIX + s.id);
  ajv.addSchema({ $ref: CLOSED_PREFIX + s.id, unevaluatedProperties: false }, closedCheckKey(s.id));
}

/** What built validators were made from: every schema (id and content), the options and ajv's versions. */
export function contractSchemaKey(schemas: LoadedSchema[]): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const formats = (require("ajv-formats/package.json") as { version: string }).version;
  const hash = createHash("sha256").update(JSON.stringify({ ajv: ajvVersion(), formats, options: OPTIONS })).update("\0");
  return hash.update(JSON.stringify(schemas.map((s) => [s.id, s.schema]))).digest("hex");
}

/**
 * Standalone code per schema, exporting `open` (the schema) and `closed` (its closed check); `npm run build` writes one
 * file each into dist/ (.ci/gen-validators.js), so a run loads only those it uses. Throws when a schema does not
 * compile, so a broken package schema fails the build.
 */
export function compileContractValidators(schemas: LoadedSchema[]): Array<{ id: string; source: string }> {
  const ajv = createContractAjv(true, true);
  for (const s of schemas) addContractSchema(ajv, s);
  const { standaloneCode } = ajvCompiler();
  return schemas.map((s) => ({ id: s.id, source: standaloneCode(ajv, { open: s.id, closed: closedCheckKey(s.id) }) }));
}

/** The export names of the i-th schema of a set in its standalone module (standaloneSetCode). */
const setExports = (i: number) => ({ open: `o${i}`, closed: `c${i}` });

/**
 * Standalone code of every schema of a set in one module, from an ajv made with `source` (createContractAjv) that
 * holds them: what the start-up cache keeps for a --schemas folder, so a warm run loads that code and not ajv.
 */
export function standaloneSetCode(ajv: Ajv2020, ids: string[]): string {
  const { standaloneCode } = ajvCompiler();
  const refs: Record<string, string> = {};
  ids.forEach((id, i) => {
    const names = setExports(i);
    refs[names.open] = id;
    refs[names.closed] = closedCheckKey(id);
  });
  return standaloneCode(ajv, refs);
}

/**
 * The validators of a module standaloneSetCode made for `ids`; its `require` finds only ajv's runtime files (and the
 * formats of ajv-formats), never the compiler. Throws when the code does not run or lacks a validator.
 */
export function validatorsFromSetCode(code: string, ids: string[]): BuiltContractValidators {
  const module = { exports: {} as Record<string, unknown> };
  // the code is ajv's own output, kept in the owner-only start-up cache sealed with a key made from the schemas
  new Function("require", "module", "exports", code)(require, module, module.exports);
  const byId = new Map<string, BuiltPair>();
  ids.forEach((id, i) => {
    const names = setExports(i);
    const open = module.exports[names.open];
    const closed = module.exports[names.closed];
    if (typeof open !== "function" || typeof closed !== "function") throw new Error(`no validator for ${id}`);
    byId.set(id, { open: open as ValidateFunction, closed: closed as ValidateFunction });
  });
  return (id) => byId.get(id);
}

/** The index the build writes: the key of the schemas the validators came from, and each schema's file. */
export interface BuiltContractIndex {
  schemaKey: string;
  files: Record<string, string>;
}

/** One generated validator file. */
export interface BuiltPair {
  open: ValidateFunction;
  closed: ValidateFunction;
}

/** Written by the build (missing when running from source): paths, not module names, for tools that resolve imports. */
const BUILT_DIR = join(__dirname, "validators");
/* eslint-disable @typescript-eslint/no-require-imports */
const loadBuiltIndex = (): unknown => require(join(BUILT_DIR, "index.json"));
const loadBuiltPair = (file: string): BuiltPair => require(join(BUILT_DIR, file)) as BuiltPair;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The validators of one schema, read when first asked for; undefined for an id the index does not hold. */
export type BuiltContractValidators = (id: string) => BuiltPair | undefined;

/**
 * The validators generated at build time (dist/contract/validators/) when they were made from exactly these schemas,
 * so nothing is compiled; undefined when there are none (running from source) or they differ.
 */
export function builtContractValidators(
  schemas: LoadedSchema[],
  load: () => unknown = loadBuiltIndex,
  loadPair: (file: string) => BuiltPair = loadBuiltPair,
): BuiltContractValidators | undefined {
  try {
    const index = load() as BuiltContractIndex;
    if (index.schemaKey !== contractSchemaKey(schemas)) return undefined;
    return (id) => {
      const file = Object.hasOwn(index.files, id) ? index.files[id] : undefined;
      return file === undefined ? undefined : loadPair(file);
    };
  } catch {
    return undefined;
  }
}
