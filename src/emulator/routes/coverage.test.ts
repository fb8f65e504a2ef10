import { loadOwnContract } from "../contract-loader";
import { Router } from "../router";
import { smsApp, startHarness, type Harness } from "../testing/harness";
import { conversationRoutes, templateRoutes } from "./index";

const contract = loadOwnContract();
const ops = (contract?.operations() ?? []).filter((op) => op.host !== "auth");
const fill = (path: string) => path.replace(/\{[a-z_]+\}/g, "X1");

describe("the emulator serves the operation map", () => {
  const routers = { conversation: new Router(conversationRoutes), template: new Router(templateRoutes) };

  it("loads operations.json", () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  it.each(ops.map((op) => [op.id, op] as const))("%s", (_id, op) => {
    const router = routers[op.host as "conversation" | "template"];
    const m = router.match(op.method, fill(op.path));
    expect(m.kind).toBe("found");
    if (m.kind === "found") {
      expect(m.def.response).toBe(op.responses["200"]);
      expect(m.def.request).toBe(op.request);
    }
  });

  it("has no route the operation map lacks", () => {
    const known = new Set(ops.map((op) => `${op.method} ${op.path}`));
    const extra = [...conversationRoutes, ...templateRoutes]
      .map((r) => `${r.method} ${r.path.replace(/\{destination_id\}/, "{contact_id}")}`)
      .filter((k) => !known.has(k));
    expect(extra).toEqual([]);
  });
});

describe("no 500 and no hang for type-confused bodies", () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness();
    ids.app_id = (await h.api("POST", "/apps", { body: smsApp({ processing_mode: "CONVERSATION" }) })).body.id;
    ids.contact_id = (await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46706660001" }], language: "EN_US" } })).body.id;
    ids.destination_id = ids.contact_id as string;
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
  const routes = [...conversationRoutes.map((r) => ({ r, host: "conversation" as const })), ...templateRoutes.map((r) => ({ r, host: "template" as const }))]
    .filter(({ r }) => r.method !== "GET" && r.method !== "DELETE");

  it.each(routes.map(({ r, host }) => [`${r.method} ${r.path}`, r, host] as const))("%s", async (_name, r, host) => {
    const prefix = host === "template" ? "/v2/projects/{project_id}" : "/v1/projects/{project_id}";
    const path = r.path.slice(prefix.length).replace(/\{([a-z_]+)\}/g, (_m, n: string) => ids[n] ?? "X");
    for (const body of bodies) {
      const res = await h.api(r.method, path, { host, raw: JSON.stringify(body) });
      expect(res.status).toBeLessThan(500);
    }
    expect(h.problems).toEqual([]);
  });
});
