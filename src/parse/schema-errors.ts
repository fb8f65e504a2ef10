import type { ErrorObject } from "ajv";
import type { Diagnostic, SourcePos } from "../model";
import { didYouMeanHint, makeDiagnostic, type DiagnosticCode } from "../diagnostics";
import { displayPath, locate, pointerSegments, posOf, type YamlSource } from "./yaml-source";

/** The parts of the suite schema whose failures get their own code. */
interface SchemaParts {
  matcher?: unknown;
  jsonPath?: unknown;
}

/** Context for turning ajv errors into diagnostics. */
export interface SchemaErrorContext {
  src: YamlSource;
  parts: SchemaParts;
}

type SchemaNode = { properties?: Record<string, unknown>; description?: string; enum?: unknown[] };

function schemaOf(value: unknown): SchemaNode {
  return value && typeof value === "object" ? (value as SchemaNode) : {};
}

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/** Where an error points: the offending key for property errors, otherwise the value (or the nearest node). */
function positionFor(ctx: SchemaErrorContext, err: ErrorObject, propertyKey?: string): SourcePos | undefined {
  const segments = pointerSegments(err.instancePath);
  if (propertyKey !== undefined) {
    const found = locate(ctx.src, [...segments, propertyKey]);
    if (found.key) return posOf(ctx.src, found.key);
  }
  const found = locate(ctx.src, segments);
  return posOf(ctx.src, found.value ?? found.nearest) ?? { file: ctx.src.file, line: 1, column: 1 };
}

function field(err: ErrorObject, extra?: string): string {
  const segments = pointerSegments(err.instancePath);
  return displayPath(extra === undefined ? segments : [...segments, extra]);
}

function actualType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Why a matcher object failed, in the matcher's own words. */
function matcherReason(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const key = pointerSegments(e.instancePath).pop() ?? "";
  if (e.keyword === "maxProperties") return "a matcher takes exactly one key";
  if (e.keyword === "minProperties") return "a matcher needs a key";
  if (e.keyword === "additionalProperties") return `"${String(params["additionalProperty"])}" is not a matcher`;
  if (e.keyword === "enum") return `${key} must be one of ${(params["allowedValues"] as unknown[]).join(", ")}`;
  // a regex pattern says little to a reader; the argument schema's description says what the matcher takes
  const described = schemaOf(e.parentSchema).description;
  if (e.keyword === "pattern" && described) return `${key} takes ${described}`;
  return `${key} ${e.message ?? "is invalid"}`;
}

/** One diagnostic for an anyOf failure: a matcher, a status, or another union. */
function fromAnyOf(ctx: SchemaErrorContext, err: ErrorObject, inner: ErrorObject[]): Diagnostic {
  const at = positionFor(ctx, err);
  if (err.parentSchema === ctx.parts.matcher) {
    const reasons = inner.filter((e) => e.keyword !== "not" && e.keyword !== "anyOf").map(matcherReason);
    const why = reasons.length > 0 ? `: ${[...new Set(reasons)].join("; ")}` : "";
    return makeDiagnostic("CC_BAD_MATCHER", `invalid matcher at ${field(err)}${why}`, at);
  }
  const what = schemaOf(err.parentSchema).description ?? "one of the allowed forms";
  return makeDiagnostic("CC_BAD_VALUE", `${field(err)} must be ${what}, found ${actualType(err.data)}`, at);
}

/** A diagnostic for a property name that failed its propertyNames schema. */
function fromPropertyName(ctx: SchemaErrorContext, err: ErrorObject, name: string): Diagnostic {
  const at = positionFor(ctx, err, name);
  if (err.parentSchema === ctx.parts.jsonPath) {
    return makeDiagnostic("CC_BAD_JSONPATH", `"${name}" in ${field(err)} is not a JSONPath`, at);
  }
  return makeDiagnostic("CC_BAD_VALUE", `"${name}" in ${field(err)} is not a valid name (letters, digits, _)`, at);
}

/** The diagnostic for one failed keyword that is neither a union nor a property name. */
type KeywordDiagnostic = (ctx: SchemaErrorContext, err: ErrorObject) => Diagnostic;

const paramsOf = (err: ErrorObject) => err.params as Record<string, unknown>;

const unknownKey: KeywordDiagnostic = (ctx, err) => {
  const key = String(paramsOf(err)["additionalProperty"]);
  const allowed = Object.keys(schemaOf(err.parentSchema).properties ?? {});
  const hint = didYouMeanHint(key, allowed) ?? (allowed.length ? `allowed keys here: ${allowed.join(", ")}` : undefined);
  return makeDiagnostic("CC_UNKNOWN_KEY", `unknown key "${key}" in ${field(err)}`, positionFor(ctx, err, key), hint);
};

const missingKey: KeywordDiagnostic = (ctx, err) => {
  const missing = String(paramsOf(err)["missingProperty"]);
  const because = err.keyword === "dependentRequired" ? ` (needed with "${String(paramsOf(err)["property"])}")` : "";
  return makeDiagnostic("CC_MISSING_KEY", `${field(err)} is missing "${missing}"${because}`, positionFor(ctx, err));
};

const wrongType: KeywordDiagnostic = (ctx, err) =>
  makeDiagnostic("CC_WRONG_TYPE", `${field(err)} ${err.message ?? "has the wrong type"}, found ${actualType(err.data)}`, positionFor(ctx, err));

const notInEnum: KeywordDiagnostic = (ctx, err) => {
  const allowed = (paramsOf(err)["allowedValues"] as unknown[] | undefined)?.map(String) ?? [];
  const hint = didYouMeanHint(String(err.data), allowed) ?? `allowed: ${allowed.join(", ")}`;
  return makeDiagnostic("CC_BAD_VALUE", `${field(err)} must be one of ${allowed.join(", ")}, found ${actualType(err.data)}`, positionFor(ctx, err), hint);
};

const patternMismatch: KeywordDiagnostic = (ctx, err) => {
  const isPath = err.parentSchema === ctx.parts.jsonPath;
  const code: DiagnosticCode = isPath ? "CC_BAD_JSONPATH" : "CC_BAD_VALUE";
  const hint = isPath ? undefined : schemaOf(err.parentSchema).description;
  return makeDiagnostic(code, `${field(err)} ${err.message ?? "is invalid"}, found ${actualType(err.data)}`, positionFor(ctx, err), hint);
};

const otherKeyword: KeywordDiagnostic = (ctx, err) => {
  const code: DiagnosticCode = err.parentSchema === ctx.parts.jsonPath ? "CC_BAD_JSONPATH" : "CC_BAD_VALUE";
  return makeDiagnostic(code, `${field(err)} ${err.message ?? "is invalid"}, found ${actualType(err.data)}`, positionFor(ctx, err));
};

const BY_KEYWORD = new Map<string, KeywordDiagnostic>([
  ["additionalProperties", unknownKey],
  ["required", missingKey],
  ["dependentRequired", missingKey],
  ["type", wrongType],
  ["enum", notInEnum],
  ["pattern", patternMismatch],
]);

function fromSimple(ctx: SchemaErrorContext, err: ErrorObject): Diagnostic {
  return (BY_KEYWORD.get(err.keyword) ?? otherKeyword)(ctx, err);
}

/**
 * Turn ajv's errors (allErrors + verbose) into one diagnostic per problem: union failures are reported
 * once at their path instead of once per branch, and `if`/wrapper errors are dropped.
 */
export function schemaErrorsToDiagnostics(ctx: SchemaErrorContext, errors: ErrorObject[]): Diagnostic[] {
  const unions = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const paths = [...new Set(unions.map((u) => u.instancePath))];
  const topPaths = paths.filter((p) => !paths.some((q) => q !== p && isUnder(p, q)));
  // ajv reports the outermost union at a path last
  const outer = topPaths.map((p) => unions.filter((u) => u.instancePath === p).pop() as ErrorObject);
  const out: Diagnostic[] = [];
  for (const u of outer) out.push(fromAnyOf(ctx, u, errors.filter((e) => e !== u && isUnder(e.instancePath, u.instancePath))));
  for (const err of errors) {
    if (err.keyword === "if" || err.keyword === "propertyNames" || err.keyword === "anyOf" || err.keyword === "oneOf") continue;
    if (outer.some((u) => isUnder(err.instancePath, u.instancePath))) continue;
    if (err.propertyName !== undefined) out.push(fromPropertyName(ctx, err, err.propertyName));
    else out.push(fromSimple(ctx, err));
  }
  return out;
}
