import type { HttpRequest, RequestAuth } from "../http";
import { renderJson, renderJsonValue, renderText, type VariableScope } from "../variables";
import type { CompiledRequestStep } from "./compile-request-step";

/** A request with every variable resolved, or the names that had no value. */
export interface RenderedRequest {
  req: HttpRequest;
  missing: string[];
}

const NO_AUTH: RequestAuth = { mode: "none" };

/** Resolve a compiled step's URL, query, headers and body against the suite run's variables. */
export function renderRequest(c: CompiledRequestStep, scope: VariableScope, region: string): RenderedRequest {
  const r = scope.resolver(c.templateVars);
  let url = renderText(c.url, r);
  if (c.query.length > 0) {
    let qs = "";
    for (const [key, value] of c.query) {
      qs += `${qs ? "&" : ""}${encodeURIComponent(key)}=${encodeURIComponent(renderText(value, r))}`;
    }
    url += (url.includes("?") ? "&" : "?") + qs;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of c.headers) headers[name] = renderText(value, r);
  let body: string | undefined;
  const b = c.body;
  if (b?.kind === "value") body = renderJsonValue(b.value, r);
  else if (b?.kind === "json") body = renderJson(b.json, r);
  else if (b?.kind === "text") body = renderText(b.text, r);
  else if (b?.kind === "form") body = b.pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(renderText(v, r))}`).join("&");
  const auth: RequestAuth = c.auth === "none" ? NO_AUTH : { mode: c.auth, region };
  return { req: { method: c.method, url, headers, body, idempotent: c.idempotent, auth }, missing: r.missing };
}
