import { createHash } from "node:crypto";
import { resolve, sep } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import type Ajv2020 from "ajv/dist/2020";
import type { Diagnostic, DriftWarning, SchemaCheck } from "../model";
import { makeDiagnostic } from "../diagnostics";
import type { LoadedSchema } from "../load/schemas";
import { compileProblemPosition } from "./compile-problem";
import {
  addContractSchema,
  builtContractValidators,
  closedCheckKey,
  contractSchemaKey,
  createContractAjv,
  standaloneSetCode,
  validatorsFromSetCode,
  type BuiltContractValidators,
} from "./contract-ajv";
import { schemaIdOf } from "./names";
import { toViolations } from "./violations";

/** The two compiled forms of one schema: as written, and closed (to find drift). */
interface Compiled {
  open: ValidateFunction;
  closed: ValidateFunction;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Drift from the closed variant's errors. Closing a nested object inside a oneOf branch can make that branch
 * fail, which then makes its parent's field look unknown too; such a field is dropped when a deeper drift
 * explains it. Other errors are consequences of the same thing and are ignored unless nothing else is left.
 */
function driftOf(errors: ErrorObject[] | null | undefined, schema: string): DriftWarning[] {
  const list = errors ?? [];
  const paths = new Set<string>();
  for (const e of list) {
    const extra = (e.params as { unevaluatedProperty?: string }).unevaluatedProperty;
    if (e.keyword === "unevaluatedProperties" && extra !== undefined) paths.add(`${e.instancePath}/${escapePointer(extra)}`);
  }
  const all = [...paths];
  let kept = all.filter((p) => !all.some((q) => q.startsWith(`${p}/`)));
  if (kept.length === 0 && list[0]) kept = [list[0].instancePath];
  return kept.sort().map((instancePath) => ({ instancePath, schema }));
}

const PACKAGE_SCHEMAS = resolve(__dirname, "..", "..", "schemas") + sep;

/** Whether a schema file is one of the tool's own (under the package's schemas/ folder). */
export function isPackageSchema(file: string): boolean {
  return resolve(file).startsWith(PACKAGE_SCHEMAS);
}

/** Remembers schema sets that passed the meta-schema check, so unchanged ones skip it (the CLI keeps it on disk). */
export interface MetaSchemaMemo {
  has(fingerprint: string): boolean;
  add(fingerprint: string): void;
}

let memo: MetaSchemaMemo | undefined;

/** Plug in (or remove) the memo of schema sets known to pass the meta-schema. */
export function useMetaSchemaMemo(next: MetaSchemaMemo | undefined): void {
  memo = next;
}

/**
 * Keeps the standalone code of schema sets from elsewhere (--schemas) that compiled cleanly, by contractSchemaKey, so
 * a later run with the same schemas loads that code instead of ajv (the CLI keeps it in its start-up cache).
 */
export interface CompiledSchemaMemo {
  /** `files`: where the set was read from, so sets of different folders are kept side by side */
  get(schemaKey: string, files: string[]): { ids: string[]; code: string } | undefined;
  set(schemaKey: string, files: string[], compiled: { ids: string[]; code: string }): void;
}

let compiledMemo: CompiledSchemaMemo | undefined;

/** Plug in (or remove) the memo of compiled schema sets. */
export function useCompiledSchemaMemo(next: CompiledSchemaMemo | undefined): void {
  compiledMemo = next;
}

/** The validators a memo kept for exactly these schemas; undefined when there are none or they do not load. */
function memoValidators(schemaKey: string, files: string[]): BuiltContractValidators | undefined {
  const kept = compiledMemo?.get(schemaKey, files);
  if (kept === undefined) return undefined;
  try {
    return validatorsFromSetCode(kept.code, kept.ids);
  } catch {
    return undefined; // compiled again below, and kept anew
  }
}

function metaFingerprint(schemas: LoadedSchema[]): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require("ajv/package.json") as { version: string };
  const content = JSON.stringify(schemas.map((s) => [s.id, s.schema]));
  return createHash("sha256").update(`ajv ${version}\0`).update(content).digest("hex");
}

/** Every schema in one ajv instance, each compiled on first use, then reused; or the validators built from them. */
export class SchemaValidator {
  private readonly ajv: Ajv2020 | undefined;
  private readonly built: BuiltContractValidators | undefined;
  private readonly compiled = new Map<string, Compiled>();
  private readonly files = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  /** the key under which the compiled set is kept when it compiles cleanly; undefined when there is no memo */
  private memoKey: string | undefined;
  private readonly memoFiles: string[];
  private clean = true;

  /**
   * `findBuilt`: the validators generated at build time for exactly these schemas, if there are any; else those a
   * memo kept from an earlier run (useCompiledSchemaMemo)
   */
  constructor(schemas: LoadedSchema[], sink: Diagnostic[], findBuilt = () => builtContractValidators(schemas)) {
    this.memoFiles = schemas.map((s) => s.file);
    this.built = findBuilt() ?? this.fromMemo(schemas);
    if (this.built) {
      for (const s of schemas) this.register(s);
      return;
    }
    // checking every schema against the 2020-12 meta-schema costs more than a short run; the package's own schemas
    // are checked by a test (schemas-meta.test.ts), so only schemas from elsewhere (--schemas) are checked here
    const others = schemas.filter((s) => !isPackageSchema(s.file));
    const fingerprint = others.length > 0 && memo ? metaFingerprint(others) : undefined;
    const validateSchema = others.length > 0 && !(fingerprint !== undefined && memo?.has(fingerprint));
    this.ajv = createContractAjv(validateSchema, this.memoKey !== undefined);
    const before = sink.length;
    for (const s of schemas) this.add(this.ajv, s, sink);
    if (validateSchema && fingerprint !== undefined && sink.length === before) memo?.add(fingerprint);
  }

  /** What the memo of compiled sets holds for these schemas; else, with a memo, the key to keep them under. */
  private fromMemo(schemas: LoadedSchema[]): BuiltContractValidators | undefined {
    if (!compiledMemo) return undefined;
    const key = contractSchemaKey(schemas);
    const kept = memoValidators(key, this.memoFiles);
    if (!kept) this.memoKey = key;
    return kept;
  }

  private register(s: LoadedSchema): void {
    this.files.set(s.id, s.file);
    if (s.text !== undefined) this.texts.set(s.id, s.text);
  }

  private add(ajv: Ajv2020, s: LoadedSchema, sink: Diagnostic[]): void {
    try {
      addContractSchema(ajv, s);
      this.register(s);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.clean = false;
      sink.push(makeDiagnostic("CC_SCHEMA_INVALID", `${s.id}: ${message}`, { file: s.file }));
    }
  }

  /** The compiled pair for a canonical name; throws when the schema cannot be compiled (e.g. a $ref to nothing). */
  private get(name: string): Compiled {
    const cached = this.compiled.get(name);
    if (cached) return cached;
    const id = schemaIdOf(name);
    const pair = this.built ? this.built(id) : this.compile(id);
    if (!pair) throw new Error(`no schema with $id "${id}"`);
    this.compiled.set(name, pair);
    return pair;
  }

  private compile(id: string): Compiled | undefined {
    const open = this.ajv?.getSchema(id);
    const closed = open && this.ajv?.getSchema(closedCheckKey(id));
    return open && closed ? { open, closed } : undefined;
  }

  /** Whether a canonical name was registered. */
  has(name: string): boolean {
    return this.files.has(schemaIdOf(name));
  }

  /** Check data against a canonical schema name; drift is looked for only when the data is valid (and `drift` is on). */
  validate(name: string, data: unknown, drift = true): SchemaCheck {
    let pair: Compiled;
    try {
      pair = this.get(name);
    } catch (err) {
      const message = `schema "${name}" cannot be used: ${err instanceof Error ? err.message : String(err)}`;
      return { schema: name, valid: false, violations: [{ instancePath: "", keyword: "schema", schemaPath: "", message }], drift: [] };
    }
    if (!pair.open(data)) return { schema: name, valid: false, violations: toViolations(pair.open.errors), drift: [] };
    if (!drift || pair.closed(data)) return { schema: name, valid: true, violations: [], drift: [] };
    return { schema: name, valid: true, violations: [], drift: driftOf(pair.closed.errors, name) };
  }

  /** Compile every registered schema now; problems become diagnostics. */
  compileAll(names: string[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const name of names) {
      try {
        this.get(name);
      } catch (err) {
        const id = schemaIdOf(name);
        const file = this.files.get(id);
        const message = `${name}: ${err instanceof Error ? err.message : String(err)}`;
        const at = file === undefined ? undefined : { file, ...compileProblemPosition(err, this.texts.get(id)) };
        out.push(makeDiagnostic("CC_SCHEMA_INVALID", message, at));
      }
    }
    if (out.length === 0) this.keepCompiled();
    return out;
  }

  /** A set from elsewhere that compiled cleanly is kept as standalone code, once, for the next run. */
  private keepCompiled(): void {
    const key = this.memoKey;
    if (key === undefined || !this.ajv || !this.clean) return;
    this.memoKey = undefined;
    const ids = [...this.files.keys()];
    let code: string;
    try {
      code = standaloneSetCode(this.ajv, ids);
    } catch {
      return; // a schema that compiles only lazily, or not at all: nothing is kept
    }
    compiledMemo?.set(key, this.memoFiles, { ids, code });
  }
}
