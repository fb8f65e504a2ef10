const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * POST operations that only read or compute and so may be sent twice. Every other POST creates or sends
 * something (messages:send, events:send, creates, inject-*, merge, capability:query, opt-ins).
 */
const SAFE_POST_SUFFIXES = [
  "messages:fetch-last-message", "messages:transcode", "contacts:getChannelProfile", "/oauth2/token",
];

/**
 * Whether a request may be repeated after the server could have acted on it. PATCH in this API is a
 * field-mask update, which sets the same fields again when repeated, so it counts as idempotent.
 */
export function isIdempotent(method: string, url: string): boolean {
  const m = method.toUpperCase();
  if (SAFE_METHODS.has(m) || m === "PATCH") return true;
  if (m !== "POST") return false;
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  return SAFE_POST_SUFFIXES.some((suffix) => path.endsWith(suffix));
}
