import type { CheckFailure, Shape, StepRecord, SuiteRecord } from "../model";
import { fingerprintDrift, fingerprintFailures } from "../diagnostics";
import { shapeOf } from "../execute/response-shape";
import { openResultsFile } from "../report/results-writer";

/** A request the generated runs make, with a body of the shape the real API answers. */
interface BenchOperation {
  id: string;
  method: string;
  path: string;
  status: number;
  shape: Shape;
}

const contact = (n: number) => ({
  id: `01HZX4QJ0C8W1T5T4C0YB2Q${n}`, display_name: `QA ${n}`, email: n % 2 ? `qa${n}@example.com` : undefined,
  channel_identities: [{ channel: "SMS", identity: `+4670000${n}`, app_id: "" }], channel_priority: ["SMS"], language: "EN_US", metadata: "", external_id: "",
});

/** Operations with realistic response bodies (a contact, a page of contacts, a sent message, an app, a conversation, ...). */
const OPERATIONS: BenchOperation[] = [
  { id: "Contacts/Create contact", method: "POST", path: "/v1/projects/{project_id}/contacts", status: 200, shape: shapeOf(contact(1)) },
  { id: "Contacts/List contacts", method: "GET", path: "/v1/projects/{project_id}/contacts", status: 200, shape: shapeOf({ contacts: [contact(1), contact(2), contact(3)], next_page_token: "", total_size: 3 }) },
  { id: "Messages/Send message", method: "POST", path: "/v1/projects/{project_id}/messages:send", status: 200, shape: shapeOf({ message_id: "01HZM", accepted_time: "2026-01-02T03:04:05Z" }) },
  { id: "Messages/Get message", method: "GET", path: "/v1/projects/{project_id}/messages/{message_id}", status: 200, shape: shapeOf({ id: "01HZM", direction: "TO_CONTACT", app_message: { text_message: { text: "hi" } }, channel_identity: { channel: "SMS", identity: "+46700", app_id: "01HZA" }, conversation_id: "01HZC", contact_id: "01HZK", metadata: "", accept_time: "2026", sender_id: "", processing_mode: "CONVERSATION" }) },
  { id: "App/Get app", method: "GET", path: "/v1/projects/{project_id}/apps/{app_id}", status: 200, shape: shapeOf({ id: "01HZA", display_name: "App", channel_credentials: [{ channel: "SMS", static_bearer: { claimed_identity: "x", token: "y" }, callback_secret: "", state: { status: "ACTIVE", description: "" }, channel_known_id: "" }], conversation_metadata_report_view: "NONE", rate_limits: { outbound: 20, inbound: 100, webhooks: 100 }, retention_policy: { retention_type: "MESSAGE_EXPIRE_POLICY", ttl_days: 180 }, dispatch_retention_policy: { retention_type: "MESSAGE_EXPIRE_POLICY", ttl_days: 0 }, processing_mode: "CONVERSATION", smart_conversation: { enabled: false }, queue_stats: { outbound_size: 0, outbound_limit: 500000 } }) },
  { id: "Conversation/Get conversation", method: "GET", path: "/v1/projects/{project_id}/conversations/{conversation_id}", status: 200, shape: shapeOf({ id: "01HZC", app_id: "01HZA", contact_id: "01HZK", last_received: "2026", active_channel: "SMS", active: true, metadata: "", metadata_json: {}, correlation_id: "" }) },
  { id: "Webhooks/Create webhook", method: "POST", path: "/v1/projects/{project_id}/webhooks", status: 200, shape: shapeOf({ id: "01HZW", app_id: "01HZA", target: "https://x.test/hook", target_type: "HTTP", secret: "", triggers: ["MESSAGE_DELIVERY"], client_credentials: null }) },
  { id: "Contacts/Delete contact", method: "DELETE", path: "/v1/projects/{project_id}/contacts/{contact_id}", status: 200, shape: shapeOf({}) },
];

const REGIONS = ["us", "eu", "br"];
const SCHEMA_FAILURE: CheckFailure = {
  kind: "schema", schema: "contact", message: "response does not match contact",
  violations: [{ instancePath: "/language", keyword: "enum", schemaPath: "#/properties/language/enum", message: "must be equal to one of the allowed values", actual: "\"XX\"" }],
};

/** Which run of the pair to write, and how many steps. */
export interface FixtureSpec {
  side: "baseline" | "candidate";
  steps: number;
  stepsPerSuite: number;
  /** steps of the candidate that differ from the baseline (status, gone/added/retyped field, new failure) */
  differences: number;
}

/**
 * Writes a results file of `steps` steps with the real writer. The candidate differs from the baseline in
 * `differences` steps and, like any second run, in everything that must not matter: suite order, times,
 * durations, line numbers.
 */
export async function writeResultsFixture(path: string, spec: FixtureSpec): Promise<void> {
  const candidate = spec.side === "candidate";
  const suites = Math.ceil(spec.steps / spec.stepsPerSuite);
  const every = Math.max(1, Math.floor(spec.steps / Math.max(1, spec.differences)));
  const file = await openResultsFile(path, {
    tool: { name: "conversation-contract", version: "bench" }, target: "emulator", regions: REGIONS, apiVersion: candidate ? "v1" : "v1beta",
    strict: false, startedAt: candidate ? "2026-02-01T10:00:00.000Z" : "2026-01-01T10:00:00.000Z", planFingerprint: "bench0000000",
  });
  for (let k = 0; k < suites; k++) {
    const s = candidate ? suites - 1 - k : k; // the candidate runs its suites in the other order
    await file.write(suiteAt(s, spec, candidate, every));
  }
  await file.close({ finishedAt: "2026-01-01T10:10:00.000Z", durationMs: 600000, totals: { suites, steps: spec.steps, passed: spec.steps, failed: 0, errors: 0, skipped: 0, flaky: 0, drift: 0 }, interrupted: false });
}

function suiteAt(s: number, spec: FixtureSpec, candidate: boolean, every: number): SuiteRecord {
  const region = REGIONS[s % REGIONS.length]!;
  const suiteId = `suite-${Math.floor(s / REGIONS.length)}`;
  const key = `${suiteId}@${region}`;
  const steps: StepRecord[] = [];
  for (let j = 0; j < spec.stepsPerSuite; j++) {
    const i = s * spec.stepsPerSuite + j;
    if (i >= spec.steps) break;
    const differs = candidate && i % every === every - 1 ? Math.floor(i / every) % 5 : -1;
    steps.push(stepAt({ i, j, key, file: `suites/${suiteId}.yaml`, candidate, differs }));
  }
  return { key, suiteId, name: suiteId, file: `suites/${suiteId}.yaml`, region, tags: ["bench"], outcome: "passed", startedAt: candidate ? "2026-02-01T10:00:01.000Z" : "2026-01-01T10:00:01.000Z", durationMs: 250, steps };
}

interface StepAt {
  i: number;
  j: number;
  key: string;
  file: string;
  candidate: boolean;
  /** -1: like the baseline; 0..4: the kind of difference */
  differs: number;
}

function stepAt(at: StepAt): StepRecord {
  const op = OPERATIONS[at.i % OPERATIONS.length]!;
  const name = `${op.id.split("/")[1]!.toLowerCase()} ${at.j}`;
  const key = `${at.key}/steps/${name}`;
  const failing = at.i % 100 === 42 || at.differs === 3;
  const ms = 20 + ((at.i * 7919) % 60) + (at.candidate ? (at.i % 3) : 0);
  let status = op.status;
  let shape = op.shape;
  if (at.differs === 0) status = 202;
  if (at.differs === 1) shape = withoutLastField(shape);
  if (at.differs === 2) shape = { ...shape, "$.added_field": "string" };
  if (at.differs === 4) shape = { ...shape, $: "object", [Object.keys(shape).at(-1) ?? "$"]: "number" };
  const failures = failing ? [SCHEMA_FAILURE] : [];
  return {
    name, phase: "steps", file: at.file, line: 10 + at.j * 8 + (at.candidate ? 1 : 0), column: 5,
    outcome: failing ? "failed" : "passed", request: op.id, status, durationMs: ms, attempts: [{ status, durationMs: ms }], flaky: false,
    failures: fingerprintFailures(key, failures), drift: fingerprintDrift(key, []),
    ...(failing ? { exchange: exchangeOf(op, at.i) } : {}),
    key, operationId: op.id, method: op.method, pathTemplate: op.path, shape,
  };
}

function withoutLastField(shape: Shape): Shape {
  const copy = { ...shape };
  const last = Object.keys(copy).filter((p) => p !== "$").at(-1);
  if (last) delete copy[last];
  return copy;
}

function exchangeOf(op: BenchOperation, i: number): StepRecord["exchange"] {
  return {
    request: { method: op.method, url: `http://127.0.0.1:4010${op.path.replace("{project_id}", "bench")}`, headers: { authorization: "[REDACTED]", "content-type": "application/json" }, body: JSON.stringify({ display_name: `QA ${i}`, language: "XX" }) },
    response: { status: op.status, headers: { "content-type": "application/json" }, body: JSON.stringify({ ...contact(i), language: "XX" }) },
  };
}
