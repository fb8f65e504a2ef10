import { readFileSync } from "node:fs";
import path from "node:path";
import { request } from "undici";
import type { InternalError, ReplyViolation } from "../index";
import { smsApp, startHarness, type Harness } from "../testing/harness";
import { Random } from "../testing/random";
import { fuzzRequest, type FuzzRequest, type FuzzWorld } from "../testing/fuzz-requests";

/**
 * A seeded fuzz of every endpoint: random and mutated bodies, headers, query strings, ids, methods and regions.
 * Every answer must be below 500, every error in the error envelope (the ORY form on the token endpoint), and no
 * request may take longer than a bound. CC_FUZZ_COUNT runs more requests, CC_FUZZ_SEED replays another seed.
 */
const COUNT = Number(process.env.CC_FUZZ_COUNT ?? 300);
const SEED = Number(process.env.CC_FUZZ_SEED ?? 1);
/** far above any honest request (a few ms); a pathological input takes seconds or never ends */
const SLOW_MS = 2000;
const COLLECTION = path.resolve(__dirname, "../../../collections/conversation-api.postman_collection.json");

interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: { body?: { raw?: string } };
}

function seedBodies(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (items: PostmanItem[], folder: string): void => {
    for (const it of items) {
      if (it.item) walk(it.item, `${folder}${it.name}/`);
      else if (it.request?.body?.raw) out[`${folder}${it.name}`] = it.request.body.raw;
    }
  };
  walk((JSON.parse(readFileSync(COLLECTION, "utf8")) as { item: PostmanItem[] }).item, "");
  return out;
}

async function world(h: Harness): Promise<FuzzWorld> {
  // schemas compile on first use, which can take a second on a busy machine: that is start-up, not a slow request
  for (const name of h.contract.schemaNames()) h.contract.validate(name, {});
  const app = await h.api("POST", "/apps", { body: smsApp() });
  const contact = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46705550199" }], language: "EN_US" } });
  const conv = await h.api("POST", "/conversations", { body: { app_id: app.body.id, contact_id: contact.body.id } });
  const hook = await h.api("POST", "/webhooks", { body: { app_id: app.body.id, target: "http://127.0.0.1:9/none", triggers: ["MESSAGE_DELIVERY"] } });
  const message = await h.api("POST", "/messages:send", { body: { app_id: app.body.id, recipient: { contact_id: contact.body.id }, message: { text_message: { text: "hi" } } } });
  const ids = { APP: app.body.id, CONTACT: contact.body.id, MERGE_SOURCE: contact.body.id, CONVERSATION: conv.body.id, WEBHOOK_ID: hook.body.id, MESSAGE: message.body.message_id };
  if (Object.values(ids).some((id) => typeof id !== "string")) throw new Error(`could not set up the fuzz world: ${JSON.stringify(ids)}`);
  const bearer: Record<string, string> = {};
  for (const region of ["us", "eu", "br"]) bearer[region] = await h.token(region);
  return {
    operations: h.contract.operations(), projectId: h.project, ids,
    bearer, basic: `Basic ${Buffer.from(`${h.emu.info.clientId}:${h.emu.info.clientSecret}`).toString("base64")}`, seedBodies: seedBodies(),
  };
}

/** What is wrong with one answer, if anything. */
function problemsOf(req: FuzzRequest, status: number, text: string, ms: number, h: Harness): string[] {
  const out: string[] = [];
  if (status >= 500) out.push(`status ${status}`);
  if (ms > SLOW_MS) out.push(`took ${Math.round(ms)} ms`);
  if (status < 400 || req.method === "HEAD") return out;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...out, `error body is not JSON: ${text.slice(0, 80)}`];
  }
  const tokenHost = /^\/(us|eu|br)\/auth\//.test(req.url);
  const check = h.contract.validate(tokenHost ? "oauth-error" : "error", body);
  if (!check.valid) out.push(`error body is not the ${tokenHost ? "ORY error" : "envelope"}: ${text.slice(0, 120)}`);
  return out;
}

function describeRequest(req: FuzzRequest): string {
  return `${req.method} ${req.url.slice(0, 160)} ${JSON.stringify(req.headers).slice(0, 120)} body=${(req.body ?? "").slice(0, 120)}`;
}

describe(`fuzzing every endpoint (seed ${SEED}, ${COUNT} requests)`, () => {
  let h: Harness;
  const internal: InternalError[] = [];
  const selfCheck: ReplyViolation[] = [];
  beforeAll(async () => {
    h = await startHarness({ onInternalError: (e) => internal.push(e), onReplyViolation: (v) => selfCheck.push(v), deliveryStepMs: 1000 });
  });
  afterAll(async () => {
    await h.close();
  });

  it("answers every request below 500, every error in its envelope, none slower than the bound [emulator-only]", async () => {
    const rnd = new Random(SEED);
    const w = await world(h);
    const origin = h.emu.info.adminUrl.replace(/\/_emulator$/, "");
    const failures: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const req = fuzzRequest(rnd, w);
      const t0 = performance.now();
      try {
        const res = await request(`${origin}${req.url}`, { method: req.method as "GET", headers: req.headers, body: req.body });
        const text = await res.body.text();
        const problems = problemsOf(req, res.statusCode, text, performance.now() - t0, h);
        if (problems.length) failures.push(`#${i} ${problems.join("; ")}: ${describeRequest(req)}`);
      } catch (e) {
        failures.push(`#${i} no answer (${(e as Error).message}): ${describeRequest(req)}`);
      }
      // an admin request may have registered a fault or a change: they would answer later requests on purpose
      if (req.url.startsWith("/_emulator")) await Promise.all([h.admin("DELETE", "/faults"), h.admin("DELETE", "/changes")]);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(internal.map((e) => `${e.method} ${e.url.slice(0, 120)}: ${String(e.error)}`)).toEqual([]);
    // unknown fields a request carried and a reply echoes are drift, which the handlers own; broken types are not
    const broken = selfCheck.map((v) => ({ ...v, messages: v.messages.filter((m) => !m.endsWith("(drift)")) })).filter((v) => v.messages.length);
    expect(broken.map((v) => `${v.method} ${v.url.slice(0, 120)} ${v.status} ${v.schema}: ${v.messages.join("; ").slice(0, 300)}`)).toEqual([]);
  }, 60_000 + COUNT * 100);
});
