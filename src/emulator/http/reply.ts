import type { ServerResponse } from "node:http";

/** Send a JSON body with its status and extra headers (one write: the headers and body go out together). */
export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  writeText(res, status, JSON.stringify(body), headers);
}

/** Send text that is already serialised (or deliberately broken) as application/json. */
export function writeText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
