import { smsApp, useHarness, type Harness } from "../testing/harness";

let h: Harness;
let appId: string;
let contactId: string;
useHarness(async (started) => {
  h = started;
  appId = (await h.api("POST", "/apps", { body: smsApp({ processing_mode: "CONVERSATION" }) })).body.id;
  contactId = (await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46701110001" }], language: "EN_US" } })).body.id;
});

describe("conversations [docs: §4]", () => {
  it("creates, gets, lists with total_size, stops and deletes [fixture: conversation-response.json] [fixture: conversation-list-response-last-page.json]", async () => {
    const c = await h.api("POST", "/conversations", { body: { app_id: appId, contact_id: contactId, metadata_json: { a: 1 } } });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ app_id: appId, contact_id: contactId, active: true });
    const id = c.body.id;
    expect((await h.api("GET", `/conversations/${id}`)).body.id).toBe(id);
    const list = await h.api("GET", "/conversations", { query: { app_id: appId } });
    expect(list.body.total_size).toBeGreaterThanOrEqual(1);
    expect(list.body.next_page_token).toBe("");
    expect((await h.api("POST", `/conversations/${id}:stop`)).body).toEqual({});
    expect((await h.api("GET", `/conversations/${id}`)).body.active).toBe(false);
    const active = await h.api("GET", "/conversations", { query: { app_id: appId, only_active: "true" } });
    expect(active.body.conversations.find((x: { id: string }) => x.id === id)).toBeUndefined();
    expect((await h.api("DELETE", `/conversations/${id}`)).body).toEqual({});
    expect((await h.api("GET", `/conversations/${id}`)).status).toBe(404);
  });

  it("needs app_id or contact_id to list, and known ids to create", async () => {
    expect((await h.api("GET", "/conversations")).status).toBe(400);
    expect((await h.api("POST", "/conversations", { body: { app_id: "01HZZZZZZZZZZZZZZZZZZZZZZZ", contact_id: contactId } })).status).toBe(404);
    expect((await h.api("POST", "/conversations", { body: { app_id: appId } })).status).toBe(400);
    expect((await h.api("POST", "/conversations", { body: { app_id: appId, contact_id: contactId, correlation_id: "x".repeat(129) } })).status).toBe(400);
  });

  it("patches metadata_json with REPLACE and MERGE_PATCH [fixture: conversation-update-request.json]", async () => {
    const c = await h.api("POST", "/conversations", { body: { app_id: appId, contact_id: contactId, metadata_json: { a: 1, b: { c: 2 } } } });
    const id = c.body.id;
    const merged = await h.api("PATCH", `/conversations/${id}`, {
      body: { metadata_json: { b: { d: 3 }, a: null } }, query: { metadata_update_strategy: "MERGE_PATCH", update_mask: "metadata_json" },
    });
    expect(merged.body.metadata_json).toEqual({ b: { c: 2, d: 3 } });
    const replaced = await h.api("PATCH", `/conversations/${id}`, { body: { metadata_json: { z: true } }, query: { metadata_update_strategy: "REPLACE" } });
    expect(replaced.body.metadata_json).toEqual({ z: true });
    const bad = await h.api("PATCH", `/conversations/${id}`, { body: {}, query: { metadata_update_strategy: "SOMETIMES" } });
    expect(bad.status).toBe(400);
  });

  it("lists recent conversations with their last message, ordered [fixture: conversation-list-recent-response.json]", async () => {
    const c1 = await h.api("POST", "/conversations", { body: { app_id: appId, contact_id: contactId } });
    await h.api("POST", `/conversations/${c1.body.id}:inject-message`, {
      body: { app_message: { text_message: { text: "hi" } }, channel_identity: { channel: "SMS", identity: "+46701110001" }, contact_id: contactId, direction: "TO_CONTACT", accept_time: "2030-01-01T00:00:00Z" },
    });
    const desc = await h.api("GET", "/conversations:recent", { query: { app_id: appId } });
    expect(desc.status).toBe(200);
    expect(desc.body.conversations[0].conversation.id).toBe(c1.body.id);
    expect(desc.body.conversations[0].last_message.app_message.text_message.text).toBe("hi");
    const asc = await h.api("GET", "/conversations:recent", { query: { app_id: appId, order: "ASC", page_size: "50" } });
    expect(asc.body.conversations[asc.body.conversations.length - 1].conversation.id).toBe(c1.body.id);
    expect((await h.api("GET", "/conversations:recent", { query: { app_id: appId, page_size: "51" } })).status).toBe(400);
    expect((await h.api("GET", "/conversations:recent")).status).toBe(400);
  });

  it("injects messages and events [fixture: conversation-inject-app-message-request.json] [fixture: conversation-inject-event-request.json]", async () => {
    const c = await h.api("POST", "/conversations", { body: { app_id: appId, contact_id: contactId } });
    const inj = await h.api("POST", `/conversations/${c.body.id}:inject-message`, {
      body: { contact_message: { text_message: { text: "from contact" } }, channel_identity: { channel: "SMS", identity: "+46701110001" }, contact_id: contactId, direction: "TO_APP", accept_time: "2024-01-01T00:00:00Z" },
    });
    expect(inj.status).toBe(200);
    expect(inj.body).toEqual({});
    const msgs = await h.api("GET", "/messages", { query: { conversation_id: c.body.id } });
    expect(msgs.body.messages[0]).toMatchObject({ injected: true, direction: "TO_APP" });
    const ev = await h.api("POST", `/conversations/${c.body.id}:inject-event`, {
      body: { app_event: { composing_event: {} }, conversation_id: c.body.id, contact_id: contactId, channel_identity: { channel: "SMS", identity: "+46701110001" }, accept_time: "2024-01-01T00:00:01Z", processing_mode: "CONVERSATION" },
    });
    expect(ev.status).toBe(200);
    expect(ev.body.event_id).toMatch(/^[0-9A-Z]{26}$/);
    expect((await h.api("GET", `/events/${ev.body.event_id}`)).body.conversation_id).toBe(c.body.id);
    const missing = await h.api("POST", "/conversations/01HZZZZZZZZZZZZZZZZZZZZZZZ:inject-event", {
      body: { app_event: { composing_event: {} }, channel_identity: { channel: "SMS", identity: "1" }, accept_time: "2024-01-01T00:00:01Z" },
    });
    expect(missing.status).toBe(404);
  });
});
