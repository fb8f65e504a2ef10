import type { Contract, OperationRef, StepResult } from "../model";
import { templateWithVersionOf } from "../vocabulary/api-versions";
import type { ParsedBody } from "./check-payload";
import { mergeShapes, shapeOf } from "./response-shape";

/*
 * What only the runner knows about a step and the regression gate compares between runs: the operation a request
 * hit and the shape of what came back. Values are never kept, only paths and types.
 */

/** A request as sent: its method and URL, and the operation of its collection request if it has one. */
export interface SentRequest {
  method: string;
  url: string;
  /** known for a collection request; an inline request is matched by method and path */
  operation?: OperationRef;
}

/** Records the operation a request hits: its id, the method, and its path template with the version the URL used. */
export function noteOperation(result: StepResult, sent: SentRequest, contract: Contract): void {
  const pathname = pathnameOf(sent.url);
  const op = sent.operation ?? contract.matchOperation(sent.method, pathname);
  result.method = sent.method;
  if (!op) return;
  result.operationId = op.id;
  result.pathTemplate = templateWithVersionOf(op.path, pathname);
}

/** Adds a JSON body's shape to the step's: a poll's responses merge, so a field only some of them had is optional. */
export function noteShape(result: StepResult, body: ParsedBody): void {
  if (body.notJson !== undefined) return;
  const shape = shapeOf(body.json);
  result.shape = result.shape ? mergeShapes(result.shape, shape) : shape;
}

/**
 * An http(s) URL whose path the WHATWG parser keeps as written: lower-case scheme, an authority without "\\",
 * and a path of unreserved characters and sub-delimiters only (nothing to percent-encode, no "%" to read as a dot).
 */
const PLAIN_URL = /^(https?:\/\/[^/?#\\\s]*)(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(?:[?#]|$)/;
/** Whether `new URL` accepts an origin (scheme and authority), per origin: a run sends to a handful. */
const originOk = new Map<string, boolean>();

/** The URL's pathname as `new URL(url).pathname` has it (the URL as written when it does not parse). */
export function pathnameOf(url: string): string {
  const plain = PLAIN_URL.exec(url);
  // a dot segment ("/./", "/..") is resolved by the parser: leave those to it
  if (plain && !plain[2]?.includes("/.") && parses(plain[1]!)) return plain[2] ?? "/";
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

function parses(origin: string): boolean {
  let ok = originOk.get(origin);
  if (ok === undefined) {
    ok = URL.canParse(origin);
    if (originOk.size >= 256) originOk.clear();
    originOk.set(origin, ok);
  }
  return ok;
}
