import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A receiver on 127.0.0.1 that answers every callback 200, so the emulator's deliveries to the collection's webhooks succeed. */
export async function startWebhookSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
