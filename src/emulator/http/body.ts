import type { IncomingMessage } from "node:http";
import { parse as parseForm } from "node:querystring";
import { ApiError, invalidArgument } from "../errors";
import { nestsDeeperThan } from "./json-depth";

/** The deepest nesting a JSON body may have (the real API's JSON parser stops at 100 levels too). */
export const MAX_JSON_DEPTH = 100;

/** GET and HEAD bodies are ignored (never read). */
export function bodyIgnored(req: IncomingMessage): boolean {
  return req.method === "GET" || req.method === "HEAD";
}

/** The request body: a form as an object, JSON parsed, undefined when empty or for GET and HEAD (their bodies are ignored). */
export async function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (bodyIgnored(req)) return undefined;
  const text = await readText(req, limit);
  if (text.trim() === "") return undefined;
  if (/^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? "")) return { ...parseForm(text) };
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw invalidArgument([{ field: "body", description: `nested more than ${MAX_JSON_DEPTH} levels deep` }], "Invalid JSON payload received: nested too deeply.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidArgument([{ field: "body", description: "not valid JSON" }], "Invalid JSON payload received.");
  }
}

/** 413; the connection closes after it, so the rest of a huge body is never read. */
function tooLarge(limit: number): ApiError {
  return new ApiError(413, `Request body is larger than ${limit} bytes.`, [], { connection: "close" });
}

/** The body as UTF-8, refused with a 413 as soon as it is known to exceed the limit. */
function readText(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      reject(tooLarge(limit));
    };
    req.on("data", onData);
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
