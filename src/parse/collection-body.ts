import type { RequestBody } from "postman-collection";
import type { RequestBodyTemplate } from "../model";

/** The collection request's body as a template: JSON when it parses as JSON, else raw or form. */
export function bodyTemplate(body: RequestBody | undefined, headers: Record<string, string>): RequestBodyTemplate | undefined {
  if (!body || body.isEmpty()) return undefined;
  if (body.mode === "urlencoded") return formBody(body);
  if (body.mode !== "raw" || typeof body.raw !== "string" || body.raw.trim() === "") return undefined;
  return rawBody(body.raw, headers);
}

function formBody(body: RequestBody): RequestBodyTemplate {
  const form: Record<string, string> = {};
  for (const param of body.urlencoded?.all() ?? []) {
    if (!param.disabled && param.key) form[param.key] = String(param.value ?? "");
  }
  return { mode: "urlencoded", form };
}

function rawBody(raw: string, headers: Record<string, string>): RequestBodyTemplate {
  try {
    return { mode: "json", json: JSON.parse(raw) as unknown };
  } catch {
    const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
    return contentType === undefined ? { mode: "raw", raw } : { mode: "raw", raw, contentType };
  }
}
