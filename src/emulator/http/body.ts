import type { IncomingMessage } from "node:http";
import { parse as parseForm } from "node:querystring";
import { ApiError, invalidArgument } from "../errors";

/** The request body: a form as an object, JSON parsed, undefined when empty or for GET and HEAD (their bodies are ignored). */
export async function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const text = await readText(req, limit);
  if (text.trim() === "") return undefined;
  if (/^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? "")) return { ...parseForm(text) };
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidArgument([{ field: "body", description: "not valid JSON" }], "Invalid JSON payload received.");
  }
}

function tooLarge(): ApiError {
  return new ApiError(413, "Request body is too large.");
}

/** The body as UTF-8, refused with a 413 as soon as it is known to exceed the limit (node discards the rest). */
function readText(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge());
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
      req.resume();
      reject(tooLarge());
    };
    req.on("data", onData);
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
