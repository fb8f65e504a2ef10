import { request } from "undici";
import { createContract } from "../contract";
import { loadOperationMap, loadSchemaFiles } from "../load/schemas";
import type { Contract } from "../model";
import { SCHEMAS_DIR } from "./contract-loader";
import { startEmulator, type EmulatorHandle, type ReplyViolation } from "./index";
import { smsApp, startHarness, waitFor } from "./testing/harness";
import { startReceiver, type Receiver } from "./testing/receiver";

type SchemaEdit = (schema: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The package's contract with some schemas changed, so that replies the emulator gets right break it. */
function contractWith(edits: Record<string, SchemaEdit>): Contract {
  const loaded = loadSchemaFiles(SCHEMAS_DIR);
  for (const s of loaded.schemas) edits[s.id]?.(s.schema);
  return createContract({ schemas: loaded.schemas, operations: loadOperationMap(SCHEMAS_DIR).map });
}

/** contact-list wants a numeric next_page_token, app no longer names queue_stats, and CONTACT_CREATE wants a numeric project_id. */
const stricter = (): Contract =>
  contractWith({
    "contact-list.schema.json": (s) => (s.properties.next_page_token = { type: "integer" }),
    "app.schema.json": (s) => delete s.properties.queue_stats,
    "callbacks/contact-create.schema.json": (s) => (s.properties.project_id = { type: "integer" }),
  });

describe("the emulator's check of its own replies and callbacks [emulator-only]", () => {
  let emu: EmulatorHandle;
  let rx: Receiver;
  const reports: ReplyViolation[] = [];

  beforeAll(async () => {
    rx = await startReceiver();
    emu = await startEmulator({ contract: stricter(), onReplyViolation: (v) => reports.push(v), deliveryStepMs: 5 });
  });
  afterAll(async () => {
    await emu.close();
    await rx.close();
  });
  beforeEach(() => {
    reports.length = 0;
  });

  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const { baseUrl } = emu.info.regions.us;
    const res = await request(`${baseUrl}/v1/projects/${emu.info.projectId}${path}`, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Basic ${Buffer.from(`${emu.info.clientId}:${emu.info.clientSecret}`).toString("base64")}`, "content-type": "application/json" },
    });
    return { status: res.statusCode, body: await res.body.json() };
  }

  it("reports a reply whose field has the wrong type, with the operation's schema and the field", async () => {
    const r = await call("GET", "/contacts");
    expect(r.status).toBe(200);
    expect(reports).toEqual([
      expect.objectContaining({ method: "GET", url: `/us/v1/projects/${emu.info.projectId}/contacts`, status: 200, schema: "contact-list" }),
    ]);
    expect(reports[0]?.messages.join("\n")).toMatch(/\/next_page_token must be integer/);
  });

  it("reports a reply carrying a field its schema does not name (drift)", async () => {
    const app = await call("POST", "/apps", smsApp());
    expect(app.status).toBe(200);
    expect(reports).toEqual([expect.objectContaining({ method: "POST", status: 200, schema: "app" })]);
    expect(reports[0]?.messages.join("\n")).toMatch(/\/queue_stats is not named by .*\(drift\)/);
  });

  it("reports a callback that breaks its schema, and still delivers it", async () => {
    const app = await call("POST", "/apps", smsApp());
    await call("POST", "/webhooks", { app_id: app.body.id, target: `${rx.url}/cb`, triggers: ["CONTACT_CREATE"] });
    reports.length = 0;
    const contact = await call("POST", "/contacts", { channel_identities: [{ channel: "SMS", identity: "+46700000077" }], language: "EN_US" });
    expect(contact.status).toBe(200);
    expect(reports).toEqual([expect.objectContaining({ method: "CALLBACK", url: "CONTACT_CREATE", schema: "callbacks/contact-create" })]);
    expect(reports[0]?.messages.join("\n")).toMatch(/\/project_id must be integer/);
    const delivered = await waitFor(() => rx.received.find((x) => x.json?.contact_create_notification?.contact?.id === contact.body.id));
    expect(delivered.json.project_id).toBe(emu.info.projectId);
  });
});

describe("the test harness fails on the same breaks [emulator-only]", () => {
  it("collects the broken reply and callback as problems, which every harness test asserts empty", async () => {
    const h = await startHarness({ contract: stricter() });
    try {
      await h.api("GET", "/contacts");
      await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46700000078" }], language: "EN_US" } });
      expect(h.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^GET \/us\/v1\/projects\/\S+\/contacts 200 -> contact-list: \/next_page_token must be integer/),
          expect.stringMatching(/^CALLBACK CONTACT_CREATE 200 -> callbacks\/contact-create: \/project_id must be integer/),
        ]),
      );
    } finally {
      await h.close();
    }
  });

  it("has nothing to report for the same calls against the package's own contract", async () => {
    const h = await startHarness();
    try {
      await h.api("GET", "/contacts");
      await h.api("POST", "/apps", { body: smsApp() });
      const c = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46700000079" }], language: "EN_US" } });
      expect(c.status).toBe(200);
      expect(h.problems).toEqual([]);
    } finally {
      h.emu.reset();
      await h.close();
    }
  });
});

describe("a handler that crashes [emulator-only]", () => {
  it("answers 500 in the error envelope and is reported through onInternalError (the harness fails on it)", async () => {
    // with request validation off, a string where the app schema wants an array reaches the handler
    const h = await startHarness({ validateRequests: false });
    try {
      const r = await h.api("POST", "/apps", { body: { display_name: "x", channel_credentials: "not a list" } });
      expect(r.status).toBe(500);
      expect(r.body.error).toMatchObject({ code: 500, status: "INTERNAL_ERROR", message: "Internal error." });
      expect(h.problems).toEqual([expect.stringMatching(/^POST \/us\/v1\/projects\/\S+\/apps 500: TypeError/)]);
    } finally {
      await h.close();
    }
  });
});
