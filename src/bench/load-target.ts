import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { startEmulator as StartEmulator } from "../emulator";

/**
 * A server for the emulator load bench, in its own process so that autocannon (in the parent) and the server do not
 * share one event loop: `node load-target.js emulator|echo` prints one JSON line saying where it listens, then
 * serves until its stdin closes; each line "cpu" on stdin is answered with the CPU time it has used so far (µs).
 */

/** What the child prints once it listens. */
export interface LoadTargetInfo {
  origin: string;
  emulator?: { baseUrl: string; authUrl: string; adminUrl: string; projectId: string; clientId: string; clientSecret: string };
}

/** The ratio's baseline: a bare node:http server that reads a JSON body, parses it and sends it back. */
function startEcho(): Promise<LoadTargetInfo> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = JSON.stringify(chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {});
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
    });
  });
  server.keepAliveTimeout = 72_000;
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/**
 * The emulator as the package ships it (dist/, with the validators generated at build time), not this bench's own
 * compiled copy of src/, which has none and would compile them with ajv at start.
 */
async function startEmulatorTarget(): Promise<LoadTargetInfo> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startEmulator } = require(join(__dirname, "..", "..", "dist", "emulator")) as { startEmulator: typeof StartEmulator };
  const emu = await startEmulator();
  const { baseUrl, authUrl } = emu.info.regions.us;
  const { adminUrl, projectId, clientId, clientSecret } = emu.info;
  return { origin: adminUrl.replace(/\/_emulator$/, ""), emulator: { baseUrl, authUrl, adminUrl, projectId, clientId, clientSecret } };
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  const info = kind === "echo" ? await startEcho() : kind === "emulator" ? await startEmulatorTarget() : undefined;
  if (!info) throw new Error(`usage: load-target.js emulator|echo (got ${String(kind)})`);
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", () => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${user + system}\n`);
  });
  process.stdin.on("end", () => process.exit(0));
}

main().catch((e: unknown) => {
  process.stderr.write(`load target failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
