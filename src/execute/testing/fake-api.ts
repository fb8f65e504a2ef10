import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import type { RegionTarget } from "../../model";
import { computeSignature } from "../callbacks/signature";

/** Test double of the API: regional token endpoints issuing JWTs, and a tiny contacts store per region. */
export interface FakeApi {
  base: string;
  target(region: string): RegionTarget;
  targets(regions: string[]): Record<string, RegionTarget>;
  /** token requests per region */
  tokenFetches: Record<string, number>;
  /** tokens the API answers with 401 "expired" */
  expired: Set<string>;
  /** every Authorization header the API (not the token endpoint) received */
  authSeen: string[];
  /** the client's port of each API request (not the token endpoint's): one port, one connection */
  clientPorts: number[];
  /** every access token the token endpoint issued */
  issuedTokens: string[];
  /** rejectCredentials: the token endpoint refuses; faults: path substring -> statuses to answer first */
  options: { rejectCredentials: boolean; tokenLifetimeSec: number; faults: Map<string, number[]> };
  close(): Promise<void>;
}

const CLIENT = "client-1";
const SECRET = "secret-1";

/** Start the fake API on 127.0.0.1, port 0. */
export async function startFakeApi(): Promise<FakeApi> {
  const api = {
    tokenFetches: {} as Record<string, number>, expired: new Set<string>(), authSeen: [] as string[], clientPorts: [] as number[], issuedTokens: [] as string[],
    options: { rejectCredentials: false, tokenLifetimeSec: 3600, faults: new Map<string, number[]>() },
  };
  const issued = new Map<string, string>();
  const stores = new Map<string, Map<string, Record<string, unknown>>>();
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => route(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };
  const route = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const [, region = "", ...rest] = (req.url ?? "").split("?")[0]!.split("/");
    const path = "/" + rest.join("/");
    if (path === "/auth/oauth2/token") return token(req, res, region, body);
    const fault = [...api.options.faults].find(([part]) => path.includes(part))?.[1].shift();
    if (fault) return json(res, fault, { error: { code: fault, message: "fault", status: "UNAVAILABLE", details: [] } });
    const auth = req.headers.authorization ?? "";
    api.authSeen.push(auth);
    api.clientPorts.push(req.socket.remotePort ?? 0);
    const bearer = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    if (bearer && api.expired.has(bearer)) {
      return json(res, 401, { error: { code: 401, message: "expired", status: "UNAUTHENTICATED", details: [] } },
        { "www-authenticate": 'Bearer error="invalid_token", error_description="Jwt expired"' });
    }
    if (auth !== `Basic ${basic()}` && issued.get(bearer) !== region) {
      return json(res, 401, { error: { code: 401, message: "bad credentials", status: "UNAUTHENTICATED", details: [] } });
    }
    if (path.endsWith("/hooks:fire")) return fire(res, body);
    if (path.endsWith("/text")) return void res.writeHead(200, { "content-type": "text/plain" }).end("hello, not json");
    contacts(req.method ?? "GET", path, body, res, region);
  };
  const contacts = (method: string, path: string, body: string, res: ServerResponse, region: string): void => {
    const store = stores.get(region) ?? new Map<string, Record<string, unknown>>();
    stores.set(region, store);
    const m = /^\/v1\/projects\/[^/]+\/contacts(?:\/([^/]+))?$/.exec(path);
    if (!m) return json(res, 404, { error: { code: 404, message: "no route", status: "NOT_FOUND", details: [] } });
    if (method === "POST") {
      const contact = { ...(JSON.parse(body || "{}") as object), id: `C${++seq}` };
      store.set(contact.id, contact);
      return json(res, 200, contact);
    }
    const found = m[1] ? store.get(m[1]) : undefined;
    if (!found) return json(res, 404, { error: { code: 404, message: "not found", status: "NOT_FOUND", details: [] } });
    if (method === "DELETE") {
      store.delete(m[1]!);
      return json(res, 200, {});
    }
    json(res, 200, found);
  };
  const token = (req: IncomingMessage, res: ServerResponse, region: string, body: string): void => {
    api.tokenFetches[region] = (api.tokenFetches[region] ?? 0) + 1;
    if (api.options.rejectCredentials || req.headers.authorization !== `Basic ${basic()}` || body !== "grant_type=client_credentials") {
      return json(res, 401, { error: "invalid_client", error_description: "Client authentication failed" });
    }
    const exp = Math.floor(Date.now() / 1000) + api.options.tokenLifetimeSec;
    const payload = Buffer.from(JSON.stringify({ exp, region, n: ++seq })).toString("base64url");
    const jwt = `eyJhbGciOiJub25lIn0.${payload}.sig`;
    issued.set(jwt, region);
    api.issuedTokens.push(jwt);
    json(res, 200, { access_token: jwt, token_type: "Bearer", expires_in: api.options.tokenLifetimeSec, scope: "" });
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const target = (region: string): RegionTarget => ({
    region, baseUrl: `${base}/${region}`, authUrl: `${base}/${region}/auth`, templateBaseUrl: `${base}/${region}/template`,
    projectId: "proj-1", clientId: CLIENT, clientSecret: SECRET,
  });
  return {
    ...api, base, target,
    targets: (regions) => Object.fromEntries(regions.map((r) => [r, target(r)])),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Test route: POST {url, secret?, bodies: [...]} -> the API posts each body (signed when a secret is given) to url. */
function fire(res: ServerResponse, body: string): void {
  const { url, secret, bodies } = JSON.parse(body) as { url: string; secret?: string; bodies: unknown[] };
  res.writeHead(200, { "content-type": "application/json" }).end("{}");
  setTimeout(() => {
    for (const payload of bodies) {
      const raw = JSON.stringify(payload, null, 2) + "\n";
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (secret) {
        const nonce = "01FJA8B4A7BM43YGWSG9GBV067";
        const ts = String(Math.floor(Date.now() / 1000));
        Object.assign(headers, {
          "x-sinch-webhook-signature": computeSignature(secret, Buffer.from(raw), nonce, ts),
          "x-sinch-webhook-signature-nonce": nonce, "x-sinch-webhook-signature-timestamp": ts,
          "x-sinch-webhook-signature-algorithm": "HmacSHA256",
        });
      }
      void request(url, { method: "POST", headers, body: raw }).then((r) => r.body.dump());
    }
  }, 20);
}

function basic(): string {
  return Buffer.from(`${CLIENT}:${SECRET}`).toString("base64");
}
