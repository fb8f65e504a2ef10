import type { OperationRef } from "../model";
import { versionNames } from "../vocabulary/api-versions";

interface CompiledTemplate {
  op: OperationRef;
  method: string;
  regex: RegExp;
  /** literal characters in the template; the more, the more specific */
  literal: number;
  params: number;
}

const PARAM = /\{[^}]+\}/g;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * "/v1/projects/{project_id}/contacts/{contact_id}:merge" -> a regex matching it as a suffix of a pathname, with the
 * version segment under each of its names (/v1/ or /v1beta/).
 */
function compileTemplate(op: OperationRef): CompiledTemplate {
  const path = op.path.replace(/\/+$/, "");
  const pieces = path.split(PARAM).map(escapeRegex);
  const params = (path.match(PARAM) ?? []).length;
  const literal = pieces.join("").length;
  pieces[0] = anyVersionName(pieces[0] ?? "");
  return { op, method: op.method.toUpperCase(), regex: new RegExp(`${pieces.join("[^/]+")}$`), literal, params };
}

/** The template's leading literal with its version segment ("/v1/projects/") matching every name of that version. */
function anyVersionName(lead: string): string {
  const [, version = ""] = lead.split("/");
  const names = versionNames(version);
  if (names.length === 1) return lead;
  return `/(?:${names.map(escapeRegex).join("|")})${lead.slice(version.length + 1)}`;
}

/** The pathname of a path or URL, without query, fragment or trailing slash. */
function pathnameOf(pathOrUrl: string): string {
  let path = pathOrUrl;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      // not a URL after all: match it as written
    }
  }
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** Matches a method and URL path to the operation whose path template fits it best; templates compiled once. */
export class OperationMatcher {
  private readonly templates: CompiledTemplate[];

  constructor(operations: OperationRef[]) {
    // most specific first: more literal text, then fewer parameters; a literal beats a parameter
    this.templates = operations
      .map(compileTemplate)
      .sort((a, b) => b.literal - a.literal || a.params - b.params);
  }

  /** The best operation for a method and a path (a base-URL prefix such as /us is allowed before the template). */
  match(method: string, pathOrUrl: string): OperationRef | undefined {
    const m = method.toUpperCase();
    const path = pathnameOf(pathOrUrl);
    return this.templates.find((t) => t.method === m && t.regex.test(path))?.op;
  }
}

/** The schema for a status: the exact code, then its class ("4xx"), then "default". */
export function schemaForStatus(op: OperationRef, status: number): string | undefined {
  const r = op.responses;
  return r[String(status)] ?? r[`${Math.floor(status / 100)}xx`] ?? r[`${Math.floor(status / 100)}XX`] ?? r.default;
}
