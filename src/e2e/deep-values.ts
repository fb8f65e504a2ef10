import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fixtureWorkspace, type Workspace } from "./bad-input";

/** A JSON value nested `depth` levels deep: lists in lists, or objects in objects. */
export function deepText(depth: number, style: "list" | "object"): string {
  return style === "list" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/**
 * For the whole file: a loopback server answering with `handler` and a fixture workspace holding `suite`, handed to
 * `use` once started; both closed after.
 */
export function useLoopbackAndSuite(handler: RequestListener, suite: { path: string; text: string }, use: (started: { url: string; ws: Workspace }) => void): void {
  let server: Server | undefined;
  let ws: Workspace | undefined;
  beforeAll(async () => {
    const started = createServer(handler);
    server = started;
    await new Promise<void>((r) => started.listen(0, "127.0.0.1", r));
    ws = fixtureWorkspace();
    ws.write(suite.path, suite.text);
    use({ url: `http://127.0.0.1:${(started.address() as AddressInfo).port}`, ws });
  });
  afterAll(async () => {
    ws?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });
}
