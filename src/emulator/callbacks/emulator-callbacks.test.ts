import { useHarnessAndReceiver, type Receiver } from "../testing/receiver";
import { smsApp, startHarness, waitFor, type Harness } from "../testing/harness";

let h: Harness;
let rx: Receiver;
useHarnessAndReceiver((started) => ({ h, rx } = started));

const TRIGGERS = ["CONTACT_CREATE", "CONTACT_UPDATE", "CONTACT_DELETE", "CONTACT_MERGE", "CONVERSATION_START", "CONVERSATION_STOP", "CONVERSATION_DELETE"];

describe("resource callbacks [docs: §7]", () => {
  it("fires contact and conversation callbacks with exactly one trigger key [fixture: callback-contact-create.json] [fixture: callback-conversation-start.json]", async () => {
    const app = await h.api("POST", "/apps", { body: smsApp() });
    await h.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}/res`, triggers: TRIGGERS, secret: "s" } });
    const c1 = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46705550001" }], language: "EN_US" } });
    const c2 = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "RCS", identity: "+46705550002" }], language: "EN_US" } });
    await h.api("PATCH", `/contacts/${c1.body.id}`, { body: { display_name: "New" } });
    await h.api("POST", `/contacts/${c1.body.id}:merge`, { body: { source_id: c2.body.id } });
    const conv = await h.api("POST", "/conversations", { body: { app_id: app.body.id, contact_id: c1.body.id } });
    await h.api("POST", `/conversations/${conv.body.id}:stop`);
    await h.api("DELETE", `/conversations/${conv.body.id}`);
    await h.api("DELETE", `/contacts/${c1.body.id}`);
    const keys = ["contact_create_notification", "contact_update_notification", "contact_merge_notification", "conversation_start_notification", "conversation_stop_notification", "conversation_delete_notification", "contact_delete_notification"];
    for (const key of keys) await waitFor(() => rx.received.find((r) => r.json?.[key]), 5000, key);
    for (const r of rx.received) {
      const triggerKeys = Object.keys(r.json).filter((k) => !["app_id", "accepted_time", "event_time", "project_id", "message_metadata", "correlation_id"].includes(k));
      expect(triggerKeys).toHaveLength(1);
    }
    const merge = rx.received.find((r) => r.json.contact_merge_notification)?.json.contact_merge_notification;
    expect(merge.deleted_contact.id).toBe(c2.body.id);
  });

  it("retries a failing receiver and logs the attempts", async () => {
    const app = await h.api("POST", "/apps", { body: smsApp() });
    await h.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}/retry`, triggers: ["CAPABILITY"] } });
    rx.statuses.push(500, 502);
    const q = await h.api("POST", "/capability:query", { body: { app_id: app.body.id, recipient: { identified_by: { channel_identities: [{ channel: "SMS", identity: "+46705550003" }] } } } });
    const entry = await waitFor(async () => {
      const log = await h.admin("GET", `/callbacks?app_id=${app.body.id}&trigger=CAPABILITY&state=delivered`);
      return log.body.callbacks[0];
    });
    expect(entry.attempts).toBe(3);
    expect(rx.received.filter((r) => r.json?.capability_notification?.request_id === q.body.request_id)).toHaveLength(3);
  });

  it("sends to the per-message callback_url signed with the app's override secret [docs: §6]", async () => {
    const app = await h.api("POST", "/apps", { body: smsApp({ callback_settings: { secret_for_overridden_callback_urls: "override" } }) });
    const r = await h.api("POST", "/messages:send", {
      body: { app_id: app.body.id, recipient: { identified_by: { channel_identities: [{ channel: "SMS", identity: "+46705550004" }] } }, message: { text_message: { text: "x" } }, callback_url: `${rx.url}/override` },
    });
    const cb = await waitFor(() => rx.received.find((x) => x.path === "/override" && x.json?.message_delivery_report?.message_id === r.body.message_id));
    expect(cb.headers["x-sinch-webhook-signature"]).toBeDefined();
  });

  it("close() stops pending deliveries and the emulator stops answering [emulator-only]", async () => {
    const local = await startHarness({ callbackRetry: { attempts: 5, baseDelayMs: 500 } });
    const app = await local.api("POST", "/apps", { body: smsApp() });
    await local.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}/closing`, triggers: ["CONTACT_CREATE"] } });
    rx.statuses.push(500, 500, 500);
    await local.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46705550005" }], language: "EN_US" } });
    await waitFor(() => rx.received.find((x) => x.path === "/closing"));
    await local.close();
    await new Promise((res) => setTimeout(res, 700));
    expect(rx.received.filter((x) => x.path === "/closing")).toHaveLength(1);
    rx.statuses.length = 0;
    expect(local.problems).toEqual([]);
  });
});

describe("startup [emulator-only]", () => {
  it("starts (schemas included) well under a second", async () => {
    const t0 = Date.now();
    const s = await startHarness();
    const ms = Date.now() - t0;
    await s.close();
    expect(ms).toBeLessThan(1000);
  });
});
