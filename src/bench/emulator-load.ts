import { startEmulator } from "../emulator";

/** The part of autocannon's result this benchmark reads. */
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number };
  non2xx: number;
  errors: number;
}

type Autocannon = (opts: Record<string, unknown>) => Promise<LoadResult>;

// autocannon ships no types; it is a dev dependency used only here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require("autocannon") as Autocannon;

const DURATION_S = 5;
const CONNECTIONS = 10;

async function token(authUrl: string, id: string, secret: string): Promise<string> {
  const res = await fetch(`${authUrl}/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

function row(name: string, r: LoadResult): string {
  const cells = [name.padEnd(22), r.requests.average.toFixed(0).padStart(8), `${r.latency.p50}`.padStart(7), `${r.latency.p90}`.padStart(7), `${r.latency.p99}`.padStart(7), `${r.non2xx + r.errors}`.padStart(7)];
  return cells.join(" ");
}

/** `node .bench/bench/emulator-load.js`: req/s and latency of one read and one write endpoint, 5 s each. */
async function main(): Promise<void> {
  const emu = await startEmulator();
  try {
    const { baseUrl, authUrl } = emu.info.regions.us;
    const auth = `Bearer ${await token(authUrl, emu.info.clientId, emu.info.clientSecret)}`;
    const contacts = `${baseUrl}/v1/projects/${emu.info.projectId}/contacts`;
    const headers = { authorization: auth, "content-type": "application/json" };
    const body = JSON.stringify({ channel_identities: [{ channel: "SMS", identity: "+46700000001" }], language: "EN_US", display_name: "bench" });
    const created = await fetch(contacts, { method: "POST", headers, body });
    const id = ((await created.json()) as { id: string }).id;
    const read = await autocannon({ url: `${contacts}/${id}`, headers, connections: CONNECTIONS, duration: DURATION_S });
    const write = await autocannon({ url: contacts, method: "POST", headers, body, connections: CONNECTIONS, duration: DURATION_S });
    const lines = [
      `emulator load: ${CONNECTIONS} connections, ${DURATION_S} s per endpoint (latency in ms)`,
      `${"endpoint".padEnd(22)} ${"req/s".padStart(8)} ${"p50".padStart(7)} ${"p90".padStart(7)} ${"p99".padStart(7)} ${"errors".padStart(7)}`,
      row("GET contact", read),
      row("POST contacts", write),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    emu.reset();
    await emu.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`emulator bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
