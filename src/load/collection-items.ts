import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { HTTP_METHODS, isHttpMethod } from "../vocabulary/http-methods";
import { keyPosition } from "./json-position";

type Path = Array<string | number>;
type Raw = Record<string, unknown>;

/** One request of a collection that cannot be sent, and where it is written. */
interface ItemProblem {
  keys: Path;
  message: string;
  hint: string;
}

function isObject(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasUrl(url: unknown): boolean {
  if (typeof url === "string") return url.trim() !== "";
  if (!isObject(url)) return false;
  const raw = url["raw"];
  return (typeof raw === "string" && raw.trim() !== "") || url["host"] !== undefined || url["path"] !== undefined;
}

function requestProblem(name: string, request: unknown, keys: Path): ItemProblem | undefined {
  if (typeof request === "string") return hasUrl(request) ? undefined : { keys, message: `request "${name}" has an empty URL`, hint: "give the request a URL such as {{BASE_URL}}/v1/projects/{{PROJECT}}/contacts" };
  if (!isObject(request)) return { keys, message: `request "${name}" is not a request object`, hint: "a Postman v2.1 request is an object with method, url, header and body" };
  const method = request["method"];
  if (method !== undefined && (typeof method !== "string" || !isHttpMethod(method))) {
    return { keys: [...keys, "method"], message: `request "${name}" has method ${JSON.stringify(method)}, which is not an HTTP method`, hint: `use one of ${HTTP_METHODS.join(", ")}` };
  }
  if (!hasUrl(request["url"])) {
    return { keys, message: `request "${name}" has no URL`, hint: "give the request a URL such as {{BASE_URL}}/v1/projects/{{PROJECT}}/contacts" };
  }
  return undefined;
}

function walk(items: unknown, keys: Path, folders: string[], out: ItemProblem[]): void {
  if (!Array.isArray(items)) return;
  items.forEach((item: unknown, i) => {
    if (!isObject(item)) return;
    const name = [...folders, String(item["name"] ?? "")].join("/");
    if (Array.isArray(item["item"])) walk(item["item"], [...keys, i, "item"], [...folders, String(item["name"] ?? "")], out);
    else if ("request" in item) {
      const problem = requestProblem(name, item["request"], [...keys, i, "request"]);
      if (problem) out.push(problem);
    }
  });
}

/**
 * Requests of a Postman collection (parsed JSON, and its text for positions) that could never be sent: no URL, or a
 * method that is not an HTTP method. Postman's library quietly turns both into `GET ""`, which would only fail once a
 * run sends it.
 */
export function collectionRequestProblems(json: unknown, text: string, file: string): Diagnostic[] {
  const problems: ItemProblem[] = [];
  if (isObject(json)) walk(json["item"], ["item"], [], problems);
  return problems.map((p) => makeDiagnostic("CC_COLLECTION_INVALID", p.message, { file, ...keyPosition(text, p.keys) }, p.hint));
}
