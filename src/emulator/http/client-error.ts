import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { isRegion } from "../../vocabulary/regions";
import { oauthErrorOf } from "../auth/oauth-error";
import { ApiError } from "../errors";
import { HOST_PREFIXES } from "./operation-routes";

/** A request node's HTTP parser refused before the server saw it. */
type ClientError = Error & { code?: string; rawPacket?: Buffer };

/** What each parser error means for the client; anything else is a malformed request (400). */
const REFUSALS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: "The request's headers are too large." },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, message: "The request's chunk extensions are too large." },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: "The request took too long to arrive." },
  HPE_INVALID_METHOD: { status: 400, message: "The request's method is not an HTTP method." },
};

/** Whether the refused request was for the token endpoint (its first line, when the parser kept it). */
function forTokenEndpoint(raw: Buffer | undefined): boolean {
  const target = raw?.subarray(0, 4096).toString("latin1").split("\r\n", 1)[0]?.split(" ")[1] ?? "";
  const [, region = "", host = ""] = target.split("/", 3);
  return isRegion(region) && `/${host}` === HOST_PREFIXES.auth;
}

/**
 * node's `clientError`: a request too malformed or too large to parse (headers over `maxHeaderSize`, a bad method,
 * a broken request line). node would answer a bare status line; this answers in the error envelope (the ORY form for
 * the token endpoint) and closes the connection, which cannot be trusted to carry another request.
 */
export function answerClientError(err: ClientError, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = REFUSALS[err.code ?? ""] ?? { status: 400, message: "The request is not a valid HTTP request." };
  const apiError = new ApiError(refusal.status, refusal.message);
  const body = JSON.stringify(forTokenEndpoint(err.rawPacket) ? oauthErrorOf(apiError) : apiError.envelope());
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? "Error"}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
