import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** The benchmark's API: token, create and get, answered from memory with as little work as possible. */
export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the benchmark API on 127.0.0.1, port 0; `latencyMs` delays every answer but the token's. */
export async function startBenchServer(token: string, latencyMs = 0): Promise<BenchServer> {
  let nextId = 1;
  const things = new Map<string, string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      const reply = (status: number, body: string) => {
        if (latencyMs > 0 && !url.endsWith("/oauth2/token")) setTimeout(() => send(status, body), latencyMs);
        else send(status, body);
      };
      const send = (status: number, body: string) => {
        res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        res.end(body);
      };
      if (url.endsWith("/oauth2/token")) return reply(200, JSON.stringify({ access_token: token, expires_in: 3600, token_type: "bearer", scope: "" }));
      if (req.method === "POST") {
        const input = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { name?: string };
        const id = `thing-${nextId++}`;
        const body = JSON.stringify({ id, name: input.name ?? "thing", size: 1 });
        things.set(id, body);
        return reply(200, body);
      }
      const found = things.get(url.slice(url.lastIndexOf("/") + 1));
      return found ? reply(200, found) : reply(404, JSON.stringify({ error: { code: 404, message: "not found", status: "NOT_FOUND" } }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
