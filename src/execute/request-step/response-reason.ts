import type { Redactor } from "../../diagnostics";
import type { CheckFailure, ResponseReason } from "../../model";
import type { ParsedBody } from "../check-payload";

/** How much of a body that is not an error envelope a status failure quotes. */
const BODY_BYTES = 500;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Give a status failure what the response said: the error envelope's message and field violations, an OAuth2
 * error and its description, or else the first 500 bytes of the body. Redacted before it is cut, so a secret
 * that straddles the cut is never half-printed.
 */
export function explainStatus(failures: CheckFailure[], body: ParsedBody, raw: string, redactor: Redactor): void {
  const status = failures.find((f) => f.kind === "status");
  if (!status || raw.length === 0) return;
  status.reason = envelopeReason(body.json, redactor) ?? { body: firstBytes(redactor.redact(raw), BODY_BYTES) };
}

function envelopeReason(json: unknown, redactor: Redactor): ResponseReason | undefined {
  if (!isObject(json)) return undefined;
  const { error } = json;
  if (typeof error === "string") {
    const description = typeof json["error_description"] === "string" ? `: ${json["error_description"]}` : "";
    return { message: redactor.redact(`${error}${description}`) };
  }
  if (!isObject(error) || typeof error["message"] !== "string") return undefined;
  const status = typeof error["status"] === "string" ? ` (${error["status"]})` : "";
  const reason: ResponseReason = { message: redactor.redact(`${error["message"]}${status}`) };
  const violations = fieldViolations(error["details"]).map((v) => ({ field: redactor.redact(v.field), description: redactor.redact(v.description) }));
  if (violations.length > 0) reason.fieldViolations = violations;
  return reason;
}

/** details[].field_violations[] of a google.rpc.BadRequest, as the API sends them. */
function fieldViolations(details: unknown): Array<{ field: string; description: string }> {
  if (!Array.isArray(details)) return [];
  return details.filter(isObject).flatMap((d) => (Array.isArray(d["field_violations"]) ? d["field_violations"] : []))
    .filter(isObject)
    .map((v) => ({ field: String(v["field"] ?? ""), description: String(v["description"] ?? "") }));
}

/** The text's first `bytes` UTF-8 bytes, never cutting a character in half, marked when cut. */
function firstBytes(text: string, bytes: number): string {
  const buf = Buffer.from(text, "utf8");
  if (buf.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end -= 1;
  return `${buf.subarray(0, end).toString("utf8")}… (${buf.length} bytes)`;
}
