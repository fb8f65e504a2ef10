import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A tiny API with a token endpoint, for end-to-end runs of the built CLI. */
export interface FakeApi {
  url: string;
  /** requests received, token requests included */
  count(): number;
  /** "METHOD /path" of every request received, in order */
  log(): string[];
  close(): Promise<void>;
}

/** Credentials the fake API accepts and the token it issues. */
export interface FakeApiOptions {
  clientId: string;
  clientSecret: string;
  token: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function apiError(res: ServerResponse, status: number, message: string): void {
  send(res, status, { error: { code: status, message, status: status === 401 ? "UNAUTHENTICATED" : "NOT_FOUND", details: [] } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}

/** Starts the fake API on 127.0.0.1, port 0. */
export async function startFakeApi(opts: FakeApiOptions): Promise<FakeApi> {
  let requests = 0;
  const log: string[] = [];
  let nextId = 1;
  const things = new Map<string, Record<string, unknown>>();
  const basic = `Basic ${Buffer.from(`${opts.clientId}:${opts.clientSecret}`).toString("base64")}`;
  const server = createServer((req, res) => {
    requests += 1;
    log.push(`${req.method} ${new URL(req.url ?? "/", "http://x").pathname}`);
    void handle(req, res).catch(() => apiError(res, 500, "fake api failed"));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (req.method === "POST" && path === "/oauth2/token") {
      if (req.headers.authorization !== basic) return send(res, 401, { error: "invalid_client", error_description: "bad credentials" });
      return send(res, 200, { access_token: opts.token, expires_in: 3600, scope: "", token_type: "bearer" });
    }
    if (req.headers.authorization !== `Bearer ${opts.token}`) return apiError(res, 401, "missing or invalid token");
    const m = /^\/v1\/projects\/[^/]+\/things(?:\/([^/]+))?$/.exec(path);
    if (!m) return apiError(res, 404, "no such route");
    if (req.method === "POST" && !m[1]) {
      const input = JSON.parse(body || "{}") as Record<string, unknown>;
      const thing = { id: `thing-${nextId++}`, ...input };
      // the broken thing breaks the contract (size must be an integer) and leaks the token into its body
      if (input.name === "broken") Object.assign(thing, { size: "one", debug: `issued ${opts.token}` });
      things.set(thing.id, thing);
      return send(res, 200, thing);
    }
    const thing = m[1] ? things.get(m[1]) : undefined;
    if (!thing) return apiError(res, 404, "thing not found");
    // a thing named "slow" answers GET late, so a test can interrupt the run while a request is in flight
    if (req.method === "GET" && thing.name === "slow") await new Promise((r) => setTimeout(r, 3000));
    if (req.method === "GET") return send(res, 200, thing);
    if (req.method === "DELETE") {
      things.delete(m[1]!);
      return send(res, 200, {});
    }
    return apiError(res, 404, "no such route");
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => requests,
    log: () => [...log],
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
