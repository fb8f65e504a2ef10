import { request } from "undici";
import { useHarnessAndReceiver, type Receiver } from "../testing/receiver";
import { smsApp, waitFor, type Harness } from "../testing/harness";

let h: Harness;
let rx: Receiver;
useHarnessAndReceiver((started) => ({ h, rx } = started));

describe("state and reset [emulator-only]", () => {
  it("counts resources per region and project, and reset empties everything", async () => {
    await h.api("POST", "/apps", { body: smsApp(), region: "eu" });
    const s = await h.admin("GET", "/state");
    expect(s.status).toBe(200);
    expect(s.body.regions.eu[h.project].apps).toBe(1);
    expect(s.body.totals.apps).toBeGreaterThanOrEqual(1);
    expect((await h.admin("POST", "/reset")).body).toEqual({});
    const after = await h.admin("GET", "/state");
    expect(after.body.totals).toEqual({ apps: 0, contacts: 0, conversations: 0, messages: 0, events: 0, webhooks: 0, templates: 0, templates_v1: 0 });
  });

  it("keeps regions apart", async () => {
    const app = await h.api("POST", "/apps", { body: smsApp(), region: "br" });
    expect((await h.api("GET", `/apps/${app.body.id}`, { region: "br" })).status).toBe(200);
    expect((await h.api("GET", `/apps/${app.body.id}`, { region: "us" })).status).toBe(404);
  });

  it("lists every entity with the suite run whose request created it, even when requests of several interleave", async () => {
    await h.admin("POST", "/reset");
    const tag = (key: string) => ({ headers: { "x-conversation-contract-suite": key } });
    const [a, b] = await Promise.all([
      h.api("POST", "/apps", { body: smsApp(), ...tag("first@us") }),
      h.api("POST", "/apps", { body: smsApp({ processing_mode: "CONVERSATION" }), ...tag("second@us") }),
    ]);
    const sent = await h.api("POST", "/messages:send", {
      ...tag("second@us"),
      body: { app_id: b!.body.id, recipient: { identified_by: { channel_identities: [{ channel: "SMS", identity: "+46701234567" }] } }, message: { text_message: { text: "hi" } } },
    });
    expect(sent.status).toBe(200);
    await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46709999999" }], language: "EN_US" } });
    const { body } = await h.admin("GET", "/entities");
    const by = (kind: string) => (body.entities as Array<{ kind: string; created_by: string; region: string }>).filter((e) => e.kind === kind).map((e) => e.created_by).sort();
    expect(by("apps")).toEqual(["first@us", "second@us"]);
    // in CONVERSATION mode the send created a message, a contact and a conversation for second@us; the untagged contact has no creator
    expect(by("messages")).toEqual(["second@us"]);
    expect(by("contacts")).toEqual(["", "second@us"]);
    expect(by("conversations")).toEqual(["second@us"]);
    expect((await h.api("DELETE", `/apps/${a!.body.id}`)).status).toBe(200);
    const after = (await h.admin("GET", "/entities")).body.entities as Array<{ kind: string; created_by: string }>;
    expect(after.filter((e) => e.kind === "apps").map((e) => e.created_by)).toEqual(["second@us"]);
  });

  it("answers unknown admin paths with 404 and wrong methods with 405", async () => {
    expect((await h.admin("GET", "/nope")).status).toBe(404);
    expect((await h.admin("PUT", "/state")).status).toBe(405);
  });
});

describe("faults [emulator-only]", () => {
  const contacts = () => `/us/v1/projects/${h.project}/contacts`;

  it("returns a status N times, with Retry-After for 429, then recovers", async () => {
    const f = await h.admin("POST", "/faults", { method: "GET", path: contacts(), count: 2, action: { status: 429, retry_after: 3 } });
    expect(f.status).toBe(200);
    const a = await h.api("GET", "/contacts");
    expect(a.status).toBe(429);
    expect(a.headers["retry-after"]).toBe("3");
    expect(a.body.error.status).toBe("RESOURCE_EXHAUSTED");
    expect((await h.api("GET", "/contacts")).status).toBe(429);
    expect((await h.api("GET", "/contacts")).status).toBe(200);
  });

  it("matches globs, region-less paths and region filters; 500 and 503 names", async () => {
    await h.admin("POST", "/faults", { path: "/v1/projects/*/apps", action: { status: 503 }, region: "eu" });
    expect((await h.api("GET", "/apps", { region: "us" })).status).toBe(200);
    const eu = await h.api("GET", "/apps", { region: "eu" });
    expect(eu.status).toBe(503);
    expect(eu.body.error.status).toBe("UNAVAILABLE");
    await h.admin("POST", "/faults", { path: "/us/v1/**/webhooks/*", action: { status: 500 } });
    const w = await h.api("GET", "/webhooks/01HZZZZZZZZZZZZZZZZZZZZZZZ");
    expect(w.status).toBe(500);
    expect(w.body.error.status).toBe("INTERNAL_ERROR");
  });

  it("adds latency", async () => {
    await h.admin("POST", "/faults", { path: contacts(), action: { latency_ms: 150 } });
    const t0 = Date.now();
    expect((await h.api("GET", "/contacts")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("drops the connection without a response", async () => {
    await h.admin("POST", "/faults", { path: contacts(), action: { drop: true } });
    await expect(h.api("GET", "/contacts")).rejects.toThrow();
    expect((await h.api("GET", "/contacts")).status).toBe(200);
  });

  it("sends a malformed JSON body with 200", async () => {
    await h.admin("POST", "/faults", { path: contacts(), action: { malformed: true } });
    const origin = h.emu.info.adminUrl.replace("/_emulator", "");
    const res = await request(`${origin}${contacts()}`, { headers: { authorization: `Bearer ${await h.token()}` } });
    expect(res.statusCode).toBe(200);
    const text = await res.body.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("treats the next token as expired [docs: §2]", async () => {
    await h.admin("POST", "/faults", { path: contacts(), action: { expire_token: true } });
    const r = await h.api("GET", "/contacts");
    expect(r.status).toBe(401);
    expect(String(r.headers["www-authenticate"])).toContain("Jwt expired at");
    expect((await h.api("GET", "/contacts")).status).toBe(200);
  });

  it("answers token-endpoint faults in the ORY style [fixture: oauth-error-response.json]", async () => {
    await h.admin("POST", "/faults", { path: "/eu/auth/oauth2/token", action: { status: 429 } });
    const r = await h.raw("POST", "/eu/auth/oauth2/token", {
      raw: "grant_type=client_credentials", contentType: "application/x-www-form-urlencoded", auth: { basic: ["emulator-client", "emulator-secret"] },
    });
    expect(r.status).toBe(429);
    expect(r.body.error).toBe("too_many_requests");
  });

  it("lists and clears faults, and rejects bad specs", async () => {
    await h.admin("POST", "/faults", { path: "/never", action: { status: 500 } });
    expect((await h.admin("GET", "/faults")).body.faults.length).toBeGreaterThan(0);
    expect((await h.admin("DELETE", "/faults")).body).toEqual({});
    expect((await h.admin("GET", "/faults")).body.faults).toEqual([]);
    expect((await h.admin("POST", "/faults", { path: "/x", action: { bogus: 1 } })).status).toBe(400);
    expect((await h.admin("POST", "/faults", { action: { status: 500 } })).status).toBe(400);
    expect((await h.admin("POST", "/faults", { path: "^(", action: { status: 500 } })).status).toBe(400);
  });
});

describe("inbound simulation and callback log", () => {
  it("creates contact and conversation, stores the message and fires MESSAGE_INBOUND / EVENT_INBOUND [docs: §7] [fixture: callback-docs-message-inbound.json] [fixture: callback-event-inbound-composing.json]", async () => {
    const app = await h.api("POST", "/apps", { body: smsApp({ processing_mode: "CONVERSATION" }) });
    await h.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}/in`, triggers: ["MESSAGE_INBOUND", "EVENT_INBOUND"], secret: "x" } });
    const r = await h.admin("POST", "/inbound", { region: "us", app_id: app.body.id, channel: "SMS", identity: "+46704440001", contact_message: { text_message: { text: "hello app" } } });
    expect(r.status).toBe(200);
    expect(r.body.contact_id).toMatch(/^[0-9A-Z]{26}$/);
    expect(h.contract.validate("emulator/inbound-response", r.body).violations).toEqual([]);
    expect(h.contract.validate("emulator/inbound-response", { ...r.body, accepted_time: undefined }).valid).toBe(false);
    const cb = await waitFor(() => rx.received.find((x) => x.json?.message?.id === r.body.message_id));
    expect(cb.json.message).toMatchObject({ direction: "TO_APP", contact_message: { text_message: { text: "hello app" } }, conversation_id: r.body.conversation_id });
    expect((await h.api("GET", `/messages/${r.body.message_id}`)).body.direction).toBe("TO_APP");
    const e = await h.admin("POST", "/inbound", { app_id: app.body.id, channel: "SMS", identity: "+46704440001", contact_event: { composing_event: {} } });
    expect(e.body.conversation_id).toBe(r.body.conversation_id);
    expect(h.contract.validate("emulator/inbound-response", e.body).valid).toBe(true);
    await waitFor(() => rx.received.find((x) => x.json?.event?.id === e.body.event_id));
    const log = await h.admin("GET", `/callbacks?app_id=${app.body.id}`);
    expect(log.body.callbacks.some((c: { trigger: string; state: string }) => c.trigger === "MESSAGE_INBOUND" && c.state === "delivered")).toBe(true);
  });

  it("rejects inbound for unknown apps or without content [emulator-only]", async () => {
    expect((await h.admin("POST", "/inbound", { app_id: "01HZZZZZZZZZZZZZZZZZZZZZZZ", channel: "SMS", identity: "1", contact_message: { text_message: { text: "hi" } } })).status).toBe(404);
    const app = await h.api("POST", "/apps", { body: smsApp() });
    expect((await h.admin("POST", "/inbound", { app_id: app.body.id, channel: "SMS", identity: "1" })).status).toBe(400);
    expect((await h.admin("POST", "/inbound", { region: "xx", app_id: app.body.id })).status).toBe(400);
  });
});
