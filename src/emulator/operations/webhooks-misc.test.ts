import { useHarnessAndReceiver, type Receiver } from "../testing/receiver";
import { smsApp, waitFor, type Harness } from "../testing/harness";

let h: Harness;
let rx: Receiver;
useHarnessAndReceiver((started) => ({ h, rx } = started));

const newApp = async (extra: Record<string, unknown> = {}): Promise<string> => (await h.api("POST", "/apps", { body: smsApp(extra) })).body.id;

describe("webhooks [docs: §4]", () => {
  it("creates, lists by app, gets, patches and deletes [fixture: webhook-response.json]", async () => {
    const appId = await newApp();
    const w = await h.api("POST", "/webhooks", { body: { app_id: appId, target: "http://127.0.0.1:9/a", triggers: ["MESSAGE_DELIVERY"] } });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ app_id: appId, target_type: "HTTP", triggers: ["MESSAGE_DELIVERY"] });
    expect((await h.api("GET", `/apps/${appId}/webhooks`)).body.webhooks).toHaveLength(1);
    expect((await h.api("GET", `/webhooks/${w.body.id}`)).body.id).toBe(w.body.id);
    const p = await h.api("PATCH", `/webhooks/${w.body.id}`, { body: { triggers: ["MESSAGE_INBOUND"], target: "ignored" }, query: { "update_mask.paths": "triggers" } });
    expect(p.body).toMatchObject({ triggers: ["MESSAGE_INBOUND"], target: "http://127.0.0.1:9/a" });
    expect((await h.api("DELETE", `/webhooks/${w.body.id}`)).body).toEqual({});
    expect((await h.api("GET", `/webhooks/${w.body.id}`)).status).toBe(404);
  });

  it("allows 5 webhooks per app, rejects the 6th, duplicate targets and targets over 742 characters", async () => {
    const appId = await newApp();
    for (let i = 0; i < 5; i++) {
      expect((await h.api("POST", "/webhooks", { body: { app_id: appId, target: `http://127.0.0.1:9/${i}`, triggers: ["MESSAGE_DELIVERY"] } })).status).toBe(200);
    }
    const sixth = await h.api("POST", "/webhooks", { body: { app_id: appId, target: "http://127.0.0.1:9/6", triggers: ["MESSAGE_DELIVERY"] } });
    expect(sixth.status).toBe(400);
    expect(sixth.body.error.status).toBe("INVALID_ARGUMENT");
    const other = await newApp();
    await h.api("POST", "/webhooks", { body: { app_id: other, target: "http://127.0.0.1:9/dup", triggers: ["MESSAGE_DELIVERY"] } });
    const dup = await h.api("POST", "/webhooks", { body: { app_id: other, target: "http://127.0.0.1:9/dup", triggers: ["EVENT_DELIVERY"] } });
    expect(dup.status).toBe(400);
    const long = await h.api("POST", "/webhooks", { body: { app_id: other, target: `http://x/${"a".repeat(740)}`, triggers: ["MESSAGE_DELIVERY"] } });
    expect(long.status).toBe(400);
    const noApp = await h.api("POST", "/webhooks", { body: { app_id: "01HZZZZZZZZZZZZZZZZZZZZZZZ", target: "http://x", triggers: ["MESSAGE_DELIVERY"] } });
    expect(noApp.status).toBe(404);
  });
});

describe("capability, opt-in and opt-out, consents [docs: §4]", () => {
  it("echoes capability:query with a request_id and fires CAPABILITY [fixture: capability-query-response.json] [fixture: callback-capability.json]", async () => {
    const appId = await newApp();
    await h.api("POST", "/webhooks", { body: { app_id: appId, target: `${rx.url}/cap`, triggers: ["CAPABILITY", "OPT_IN", "OPT_OUT"] } });
    const recipient = { identified_by: { channel_identities: [{ channel: "SMS", identity: "+46703330001" }] } };
    const r = await h.api("POST", "/capability:query", { body: { app_id: appId, recipient } });
    expect(r.status).toBe(200);
    expect(r.body.recipient).toEqual(recipient);
    const cb = await waitFor(() => rx.received.find((x) => x.json?.capability_notification?.request_id === r.body.request_id));
    expect(cb.json.capability_notification.capability_status).toBe("CAPABILITY_FULL");
  });

  it("registers opt-outs and opt-ins, fires OPT_OUT/OPT_IN and keeps the consent lists [fixture: callback-docs-opt-out.json] [fixture: callback-docs-opt-in.json] [fixture: consents-list-identities-response-page0.json]", async () => {
    const appId = await newApp();
    await h.api("POST", "/webhooks", { body: { app_id: appId, target: `${rx.url}/opt`, triggers: ["OPT_IN", "OPT_OUT"] } });
    const body = { app_id: appId, channels: ["SMS"], recipient: { identified_by: { channel_identities: [{ channel: "SMS", identity: "+46703330002" }] } } };
    const out = await h.api("POST", "/optouts:register", { body, query: { request_id: "req-1" } });
    expect(out.status).toBe(200);
    expect(out.body.request_id).toBe("req-1");
    await waitFor(() => rx.received.find((x) => x.json?.opt_out_notification?.request_id === "req-1"));
    const list = await h.api("GET", `/apps/${appId}/consents/OPT_OUT_ALL`);
    expect(list.body.identities).toEqual([{ identity: "46703330002" }]); // stored as the API returns phone numbers
    const inn = await h.api("POST", "/optins:register", { body });
    await waitFor(() => rx.received.find((x) => x.json?.opt_in_notification?.request_id === inn.body.request_id));
    expect((await h.api("GET", `/apps/${appId}/consents/OPT_OUT_ALL`)).body.identities).toEqual([]);
    const audit = await h.api("GET", `/apps/${appId}/consents/identities/${encodeURIComponent("+46703330002")}`);
    expect(audit.body.audit_records.map((a: { operation: string }) => a.operation)).toEqual(["OPERATION_INSERT", "OPERATION_DELETE"]);
    expect((await h.api("GET", `/apps/${appId}/consents/OPT_IN_ALL`)).status).toBe(400);
    expect((await h.api("GET", `/apps/${appId}/consents/identities/nobody`)).status).toBe(404);
  });
});

describe("project settings [fixture: project-settings-response.json] [docs: §4]", () => {
  it("reads defaults, writes, patches and deletes", async () => {
    const d = await h.api("GET", "/settings");
    expect(d.body).toEqual({ project_id: h.project, settings: { contact_settings: { unified_contact_id_enabled: false } } });
    const w = await h.api("POST", "/settings", { body: { contact_settings: { unified_contact_id_enabled: true } } });
    expect(w.body.settings.contact_settings.unified_contact_id_enabled).toBe(true);
    const p = await h.api("PATCH", "/settings", { body: { contact_settings: { unified_contact_id_enabled: false } } });
    expect(p.body.settings.contact_settings.unified_contact_id_enabled).toBe(false);
    expect((await h.api("DELETE", "/settings")).body).toEqual({});
  });
});

describe("templates v2 [fixture: template-v2-response.json] [docs: §4]", () => {
  const tpl = {
    description: "d", default_translation: "en-US",
    translations: [{ language_code: "en-US", version: "1", variables: [], text_message: { text: "Hello" } }],
  };
  it("creates, lists, gets, replaces with version, lists translations, deletes", async () => {
    const c = await h.api("POST", "/templates", { host: "template", body: tpl });
    expect(c.status).toBe(200);
    expect(c.body.version).toBe(1);
    const id = c.body.id;
    expect((await h.api("GET", "/templates", { host: "template" })).body.templates.map((t: { id: string }) => t.id)).toContain(id);
    expect((await h.api("GET", `/templates/${id}`, { host: "template" })).body.description).toBe("d");
    const put = await h.api("PUT", `/templates/${id}`, { host: "template", body: { ...tpl, version: 1, description: "e" } });
    expect(put.body).toMatchObject({ version: 2, description: "e" });
    const stale = await h.api("PUT", `/templates/${id}`, { host: "template", body: { ...tpl, version: 1 } });
    expect(stale.status).toBe(400);
    const tr = await h.api("GET", `/templates/${id}/translations`, { host: "template", query: { language_code: "en-US" } });
    expect(tr.body.translations).toHaveLength(1);
    expect((await h.api("PATCH", `/templates/${id}`, { host: "template", body: {} })).status).toBe(405);
    expect((await h.api("DELETE", `/templates/${id}`, { host: "template" })).body).toEqual({});
    expect((await h.api("GET", `/templates/${id}`, { host: "template" })).status).toBe(404);
  });
});
