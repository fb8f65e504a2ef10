import { useHarnessAndReceiver, type Receiver } from "../testing/receiver";
import { smsApp, startHarness, waitFor, type Harness } from "../testing/harness";

let h: Harness;
let rx: Receiver;
useHarnessAndReceiver((started) => ({ h, rx } = started));

async function appWithWebhook(triggers: string[]): Promise<{ appId: string; path: string }> {
  const app = await h.api("POST", "/apps", { body: smsApp({ processing_mode: "CONVERSATION" }) });
  const path = `/notify/${app.body.id}`;
  await h.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}${path}`, triggers, secret: "s" } });
  return { appId: app.body.id, path };
}

const qualityChanged = { channel: "WHATSAPP", event_type: "WHATS_APP_QUALITY_RATING_CHANGED", additional_data: { quality_rating: "GREEN" } };

describe("POST /_emulator/channel-event", () => {
  it("sends CHANNEL_EVENT with the channel event as given to the app's webhooks that want it", async () => {
    const { appId, path } = await appWithWebhook(["CHANNEL_EVENT"]);
    const r = await h.admin("POST", "/channel-event", { app_id: appId, channel_event: qualityChanged });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ trigger: "CHANNEL_EVENT", webhooks: 1 });
    expect(h.contract.validate("emulator/notification-response", r.body).violations).toEqual([]);
    const cb = await waitFor(() => rx.received.find((x) => x.path === path));
    expect(cb.json).toMatchObject({ app_id: appId, project_id: h.project, accepted_time: r.body.accepted_time, channel_event_notification: { channel_event: qualityChanged } });
    const other = await appWithWebhook(["MESSAGE_DELIVERY"]);
    expect((await h.admin("POST", "/channel-event", { app_id: other.appId, channel_event: qualityChanged })).body.webhooks).toBe(0);
  });

  it("refuses a channel event the callback schema refuses, an unknown app or field, naming the field", async () => {
    const { appId } = await appWithWebhook(["CHANNEL_EVENT"]);
    const field = async (body: unknown) => {
      const r = await h.admin("POST", "/channel-event", body);
      return [r.status, r.body.error.details?.[0]?.field_violations?.[0]?.field ?? r.body.error.status];
    };
    expect(await field({ app_id: appId, channel_event: { ...qualityChanged, channel: "PIGEON" } })).toEqual([400, "channel_event.channel"]);
    expect(await field({ app_id: appId, channel_event: { channel: "WHATSAPP" } })).toEqual([400, "channel_event.event_type"]);
    expect(await field({ app_id: appId })).toEqual([400, "channel_event"]);
    expect(await field({ app_id: appId, channel_event: qualityChanged, trigger: "X" })).toEqual([400, "trigger"]);
    expect(await field({ app_id: "NO_SUCH_APP", channel_event: qualityChanged })).toEqual([404, "NOT_FOUND"]);
    expect(await field({ app_id: appId, channel_event: qualityChanged, region: "eu" })).toEqual([404, "NOT_FOUND"]);
  });
});

describe("POST /_emulator/smart-conversation", () => {
  const analysis = { ml_sentiment_result: [{ message: "great", sentiment: "positive", score: 0.9 }] };

  it("sends SMART_CONVERSATION about a stored message, to its app's webhooks (SMART_CONVERSATIONS spelling too)", async () => {
    const { appId, path } = await appWithWebhook(["SMART_CONVERSATIONS"]);
    const inbound = await h.admin("POST", "/inbound", { app_id: appId, channel: "SMS", identity: "46712000001", contact_message: { text_message: { text: "great" } } });
    const r = await h.admin("POST", "/smart-conversation", { message_id: inbound.body.message_id, analysis_results: analysis });
    expect(r.body).toMatchObject({ trigger: "SMART_CONVERSATION", webhooks: 1 });
    const cb = await waitFor(() => rx.received.find((x) => x.path === path && x.json?.smart_conversation_notification));
    expect(cb.json.smart_conversation_notification).toEqual({
      contact_id: inbound.body.contact_id, channel_identity: "46712000001", channel: "SMS", message_id: inbound.body.message_id,
      conversation_id: inbound.body.conversation_id, analysis_results: analysis,
    });
  });

  it("refuses an analysis the callback schema refuses and an unknown message", async () => {
    const bad = await h.admin("POST", "/smart-conversation", { message_id: "X", analysis_results: { ml_sentiment_result: [{ sentiment: "ecstatic" }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field_violations[0].field).toBe("analysis_results.ml_sentiment_result[0].sentiment");
    expect((await h.admin("POST", "/smart-conversation", { message_id: "X", analysis_results: analysis })).status).toBe(404);
  });
});

describe("callbackFormat option", () => {
  it("pretty-prints every callback when the emulator starts with callbackFormat pretty", async () => {
    const local = await startHarness({ callbackFormat: "pretty" });
    try {
      const app = await local.api("POST", "/apps", { body: smsApp() });
      await local.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}/pretty-default`, triggers: ["CHANNEL_EVENT"] } });
      await local.admin("POST", "/channel-event", { app_id: app.body.id, channel_event: qualityChanged });
      const cb = await waitFor(() => rx.received.find((x) => x.path === "/pretty-default"));
      expect(cb.raw).toBe(`${JSON.stringify(cb.json, null, 4)}\n`);
      expect((await local.admin("GET", "/callback-format")).body.default).toBe("pretty");
      expect(local.problems).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
