import { loadOwnContract } from "../contract-loader";
import { smsApp, startHarness, type Harness } from "../testing/harness";

const ops = loadOwnContract().operations().filter((op) => op.host !== "auth" && op.method !== "GET" && op.method !== "DELETE");

describe("no 500 and no hang for type-confused bodies [emulator-only]", () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness();
    ids.app_id = (await h.api("POST", "/apps", { body: smsApp({ processing_mode: "CONVERSATION" }) })).body.id;
    ids.contact_id = (await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46706660001" }], language: "EN_US" } })).body.id;
    ids.conversation_id = (await h.api("POST", "/conversations", { body: { app_id: ids.app_id, contact_id: ids.contact_id } })).body.id;
    const sent = await h.api("POST", "/messages:send", { body: { app_id: ids.app_id, recipient: { contact_id: ids.contact_id }, message: { text_message: { text: "x" } } } });
    ids.message_id = sent.body.message_id;
    ids.event_id = (await h.api("POST", "/events:send", { body: { app_id: ids.app_id, recipient: { contact_id: ids.contact_id }, event: { composing_event: {} } } })).body.event_id;
    ids.webhook_id = (await h.api("POST", "/webhooks", { body: { app_id: ids.app_id, target: "http://127.0.0.1:9/x", triggers: ["MESSAGE_DELIVERY"] } })).body.id;
    ids.template_id = (await h.api("POST", "/templates", { host: "template", body: { description: "d", default_translation: "en-US", translations: [] } })).body.id;
    ids.list_type = "OPT_OUT_ALL";
    ids.identity = "+46706660001";
  });
  afterAll(async () => {
    await h.close();
  });

  const bodies: unknown[] = [{}, { app_id: 1 }, { recipient: "x" }, { message: [] }, { channel_identities: "x" }, { triggers: {} }, { metadata: 5 }, null, [], "str"];
  it.each(ops.map((op) => [op.id, op] as const))("%s", async (_id, op) => {
    const host = op.host === "template" ? "template" : "conversation";
    const path = op.path.replace(/^\/v\d\/projects\/\{project_id\}/, "").replace(/\{([a-z_]+)\}/g, (_m, n: string) => ids[n] ?? "X");
    for (const body of bodies) {
      const res = await h.api(op.method, path, { host, raw: JSON.stringify(body) });
      expect(res.status).toBeLessThan(500);
    }
    expect(h.problems).toEqual([]);
  });
});
