import { connect } from "node:net";
import { smsApp, useHarness, type Harness } from "../testing/harness";
import { Random } from "../testing/random";
import { MAX_JSON_DEPTH } from "./body";
import { nestsDeeperThan } from "./json-depth";

let h: Harness;
useHarness((started) => {
  h = started;
});

const origin = () => new URL(h.emu.info.adminUrl).host;
const basic = () => `Basic ${Buffer.from(`${h.emu.info.clientId}:${h.emu.info.clientSecret}`).toString("base64")}`;
const tokenForm = { raw: "grant_type=client_credentials", contentType: "application/x-www-form-urlencoded" };

/** Send raw bytes and read the whole answer (the server closes the connection after a refused request). */
function rawExchange(text: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const [host, port] = origin().split(":");
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), host as string, () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      const answer = Buffer.concat(chunks).toString("utf8");
      const [head = "", body = ""] = answer.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), body: body ? JSON.parse(body) : undefined });
    });
  });
}

function expectEnvelope(body: unknown, code: number): void {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String), status: expect.any(String) }) });
}

function expectOryError(body: unknown): void {
  expect(body).toEqual({ error: expect.any(String), error_verbose: expect.any(String), error_description: expect.any(String), error_hint: expect.any(String) });
}

describe("requests node's parser refuses [emulator-only]", () => {
  it("answers oversized headers with 431 in the envelope, on the token endpoint in its own format", async () => {
    const big = "x".repeat(20_000);
    const api = await rawExchange(`GET /us/v1/projects/${h.project}/apps HTTP/1.1\r\nhost: ${origin()}\r\nx-big: ${big}\r\n\r\n`);
    expect(api.status).toBe(431);
    expectEnvelope(api.body, 431);
    const token = await rawExchange(`POST /eu/auth/oauth2/token HTTP/1.1\r\nhost: ${origin()}\r\nx-big: ${big}\r\n\r\n`);
    expect(token.status).toBe(431);
    expectOryError(token.body);
  });

  it.each([
    ["a method that is not one", "BREW /us/v1/projects/p/apps HTTP/1.1\r\nhost: h\r\n\r\n"],
    ["a broken request line", "GET\r\n\r\n"],
    ["a bad header line", "GET / HTTP/1.1\r\nno colon here\r\n\r\n"],
    ["a bad content-length", "POST /us/v1/projects/p/apps HTTP/1.1\r\nhost: h\r\ncontent-length: abc\r\n\r\n"],
  ])("answers %s with 400 in the envelope", async (_what, text) => {
    const r = await rawExchange(text);
    expect(r.status).toBe(400);
    expectEnvelope(r.body, 400);
  });
});

describe("bodies [emulator-only]", () => {
  it("refuses bodies over the limit with 413 in the envelope, on the token endpoint in its own format", async () => {
    const big = JSON.stringify({ display_name: "x".repeat(h.emu.info ? 1024 * 1024 + 10 : 0) });
    const api = await h.api("POST", "/contacts", { raw: big });
    expect(api.status).toBe(413);
    expectEnvelope(api.body, 413);
    const token = await h.raw("POST", "/us/auth/oauth2/token", { raw: `grant_type=client_credentials&x=${"y".repeat(1024 * 1024)}`, contentType: "application/x-www-form-urlencoded", headers: { authorization: basic() }, auth: "none" });
    expect(token.status).toBe(413);
    expectOryError(token.body);
  });

  it("answers every token endpoint error in the token endpoint's format [fixture: oauth-error-response.json]", async () => {
    const auth = { headers: { authorization: basic() }, auth: "none" as const };
    const cases = [
      await h.raw("POST", "/us/auth/oauth2/token", { ...auth, raw: "{not json", contentType: "application/json" }),
      await h.raw("POST", "/us/auth/oauth2/token", { ...auth, raw: "[[[[", contentType: "text/plain" }),
      await h.raw("POST", "/us/auth/oauth2/token", { ...auth, raw: "grant_type=client_credentials&grant_type=password", contentType: "application/x-www-form-urlencoded" }),
      await h.raw("POST", "/us/auth/oauth2/token", { ...auth, raw: `${"[".repeat(5000)}${"]".repeat(5000)}`, contentType: "application/json" }),
      await h.raw("GET", "/us/auth/oauth2/token", auth),
      await h.raw("POST", "/br/auth/oauth2/nothing", { ...auth, ...tokenForm }),
      await h.raw("POST", "/us/auth/oauth2/token", { ...tokenForm, auth: "none" }),
    ];
    expect(cases.map((c) => c.status)).toEqual([400, 400, 400, 400, 405, 404, 401]);
    for (const c of cases) expectOryError(c.body);
  });

  it("refuses JSON nested deeper than the limit with a 400, at any depth and on every kind of route", async () => {
    const rnd = new Random(7);
    const app = (await h.api("POST", "/apps", { body: smsApp() })).body.id;
    const contact = (await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46705550177" }], language: "EN_US" } })).body.id;
    const depths = [MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH + 1, 1000, 100_000, ...Array.from({ length: 4 }, () => rnd.int(101, 50_000))];
    for (const depth of depths) {
      const inner = rnd.chance(0.5) ? `${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}` : `${'{"a":'.repeat(depth - 1)}1${"}".repeat(depth - 1)}`;
      // real ids, so that the deep value gets past every other check to where it would be stored and sent back
      const targets = [
        () => h.api("POST", "/contacts", { raw: `{"channel_identities":[{"channel":"SMS","identity":"1"}],"metadata":${inner}}` }),
        () => h.api("POST", "/conversations", { raw: `{"app_id":"${app}","contact_id":"${contact}","metadata_json":${inner}}` }),
        () => h.api("POST", "/messages:send", { raw: `{"app_id":"${app}","recipient":{"contact_id":"${contact}"},"message":{"text_message":{"text":"x"}},"conversation_metadata":${inner}}` }),
        () => h.raw("POST", "/_emulator/inbound", { raw: `{"app_id":"${app}","channel":"SMS","identity":"1","contact_message":{"text_message":${inner}}}`, auth: "none" }),
        () => h.raw("POST", "/_emulator/faults", { raw: `{"path":"/x","action":${inner}}`, auth: "none" }),
      ];
      for (const send of targets) {
        const r = await send();
        expect([depth, r.status < 500]).toEqual([depth, true]);
        if (r.status >= 400) expectEnvelope(r.body, r.status);
        if (depth > MAX_JSON_DEPTH) expect([depth, r.status, r.body.error.message]).toEqual([depth, 400, expect.stringMatching(/nested too deeply/)]);
      }
    }
  });
});

describe("the nesting scan [emulator-only]", () => {
  it("counts brackets outside strings only, escapes included", () => {
    expect(nestsDeeperThan('[[["]]]]]]"]]]', 2)).toBe(true);
    expect(nestsDeeperThan('[["[[[[[[\\"[[["]]', 2)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":"\\\\"}}', 2)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":{}}}', 2)).toBe(true);
  });
});
