import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BackoffPolicy } from "../../model";
import { backoffDelay, parseRetryAfter } from "./backoff";
import { createDispatcher, createSend } from "./dispatcher";
import { HttpError } from "./http-error";
import { isIdempotent } from "./idempotent";
import type { HttpRequest, SendContext } from "./types";
import { withRetry } from "./with-retry";

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

let server: Server;
let base: string;
let handler: Handler;
let hits = 0;
const agent = createDispatcher({ connectTimeoutMs: 2000, requestTimeoutMs: 5000 });
const policy: BackoffPolicy = { attempts: 4, baseDelayMs: 10, maxDelayMs: 100, maxTotalMs: 60_000 };
let waits: number[] = [];
const send = withRetry(createSend(agent), { policy, sleep: async (ms) => { waits.push(ms); } });

beforeAll(async () => {
  server = createServer((req, res) => { hits++; req.resume(); req.on("end", () => handler(req, res, hits)); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await agent.close(); await new Promise((r) => server.close(r)); });
beforeEach(() => { hits = 0; waits = []; });

const get = (path: string, method = "GET"): HttpRequest => ({ method, url: base + path, headers: {}, idempotent: isIdempotent(method, path) });
const fresh = (): SendContext => ({ attempts: [] });

function failTimes(n: number, status: number, headers: Record<string, string> = {}): Handler {
  return (_req, res, hit) => {
    if (hit <= n) res.writeHead(status, headers).end('{"error":{}}');
    else res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  };
}

describe("retry layer", () => {
  it("retries 503 with back-off and records every attempt", async () => {
    handler = failTimes(2, 503);
    const ctx = fresh();
    const res = await send(get("/x"), ctx);
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"ok":true}');
    expect(ctx.attempts.map((a) => [a.status, a.retryReason])).toEqual([[503, "503"], [503, "503"], [200, undefined]]);
    expect(waits.every((w) => w >= 0 && w < 100)).toBe(true);
  });

  it("honours Retry-After in seconds", async () => {
    handler = failTimes(1, 429, { "retry-after": "2" });
    const ctx = fresh();
    await send(get("/x"), ctx);
    expect(waits).toEqual([2000]);
  });

  it("does not retry a 500 on a POST that creates, but does retry its 429/503", async () => {
    handler = failTimes(1, 500);
    const ctx = fresh();
    expect((await send(get("/v1/projects/p/messages:send", "POST"), ctx)).status).toBe(500);
    expect(ctx.attempts).toHaveLength(1);
    hits = 0;
    handler = failTimes(1, 503);
    const again = fresh();
    expect((await send(get("/v1/projects/p/contacts", "POST"), again)).status).toBe(200);
    expect(again.attempts).toHaveLength(2);
  });

  it("gives up after the attempt budget and returns the last response", async () => {
    handler = failTimes(99, 502);
    const ctx = fresh();
    expect((await send(get("/x"), ctx)).status).toBe(502);
    expect(ctx.attempts).toHaveLength(4);
    expect(ctx.attempts[3]!.retryReason).toBeUndefined();
  });

  it("stops when the next wait would pass the total time budget", async () => {
    handler = failTimes(99, 429, { "retry-after": "120" });
    const ctx = fresh();
    expect((await send(get("/x"), ctx)).status).toBe(429);
    expect(ctx.attempts).toHaveLength(1);
  });

  it("retries a GET whose connection was reset before any response, not a creating POST", async () => {
    handler = (req, res, hit) => { if (hit === 1) req.socket.destroy(); else res.end("{}"); };
    const ctx = fresh();
    expect((await send(get("/x"), ctx)).status).toBe(200);
    expect(ctx.attempts[0]).toMatchObject({ retryReason: "ECONNRESET", error: expect.stringMatching(/connection closed/) });
    hits = 0;
    const post = fresh();
    await expect(send(get("/v1/projects/p/messages:send", "POST"), post)).rejects.toBeInstanceOf(HttpError);
    expect(post.attempts).toHaveLength(1);
  });

  it("retries when no connection could be made, even for a POST", async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((r) => dead.close(r));
    const ctx = fresh();
    const req: HttpRequest = { method: "POST", url: `http://127.0.0.1:${port}/v1/x/messages:send`, headers: {}, idempotent: false };
    await expect(send(req, ctx)).rejects.toMatchObject({ code: "CC_TARGET_UNREACHABLE" });
    expect(ctx.attempts.map((a) => a.retryReason)).toEqual(["connection failed", "connection failed", "connection failed", undefined]);
  });
});

describe("back-off helpers", () => {
  it("parses Retry-After seconds and HTTP-dates", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("uses full jitter under an exponential cap", () => {
    expect(backoffDelay(1, policy, () => 0.999)).toBe(9);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(39);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it("knows which requests may be repeated", () => {
    expect(isIdempotent("GET", "/v1/projects/p/contacts")).toBe(true);
    expect(isIdempotent("DELETE", "/x")).toBe(true);
    expect(isIdempotent("POST", "{{BASE_URL}}/v1/projects/{{PROJECT}}/messages:send")).toBe(false);
    expect(isIdempotent("POST", "/v1/projects/p/contacts/c:merge")).toBe(false);
    expect(isIdempotent("POST", "/v1/projects/p/messages:fetch-last-message?x=1")).toBe(true);
  });
});
