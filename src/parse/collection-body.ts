import type { RequestBody } from "postman-collection";
import type { RequestBodyTemplate } from "../model";

/** The collection request's body as a template: JSON when it parses as JSON, else raw or form. */
export function bodyTemplate(body: RequestBody | undefined, headers: Record<string, string>): RequestBodyTemplate | undefined {
  if (!body || body.isEmpty()) return undefined;
  if (body.mode === "urlencoded") {
    const form: Record<string, string> = {};
    for (const param of body.urlencoded?.all() ?? []) {
      if (!param.disabled && param.key) form[param.key] = String(param.value ?? "");
    }
    return { mode: "urlencoded", form };
  }
  if (body.mode !== "raw" || typeof body.raw !== "string" || body.raw.trim() === "") return undefined;
  try {
    return { mode: "json", json: JSON.parse(body.raw) as unknown };
  } catch {
    const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
    return contentType === undefined ? { mode: "raw", raw: body.raw } : { mode: "raw", raw: body.raw, contentType };
  }
}
