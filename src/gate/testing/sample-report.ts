import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { GateReport, GateRules } from "../../model";
import { findingFingerprint } from "../../diagnostics";
import { gateFiles } from "../gate-files";
import { suiteRecord, tempDir, writeResults, type StepSpec } from "./records";

/** A secret that leaks into a failure message of the sample candidate; every gate output must hide it. */
export const SAMPLE_SECRET = "s3cr3t-client-value";

const CONTACT_SHAPE = { $: "object", "$.id": "string", "$.display_name": "string", "$.email": "string" };
const SEND_SHAPE = { $: "object", "$.message_id": "string" };
const timed = (ms: number) => [ms, ms, ms].map((durationMs) => ({ status: 200, durationMs }));

function baselineSuites() {
  return [
    suiteRecord("contacts", "us", [
      { name: "create contact", line: 12, operationId: "Contacts/Create contact", shape: CONTACT_SHAPE },
      { name: "list contacts", line: 20, operationId: "Contacts/List contacts" },
      { name: "delete contact", phase: "teardown", line: 40, operationId: "Contacts/Delete contact" },
    ]),
    suiteRecord("messages", "us", [{ name: "send text", line: 8, operationId: "Messages/Send message", shape: SEND_SHAPE, attempts: timed(100) }]),
    suiteRecord("contacts", "eu", [{ name: "create contact", line: 12, operationId: "Contacts/Create contact", outcome: "error", error: { code: "CC_TIMEOUT", message: "no answer" } }]),
  ];
}

function candidateSuites() {
  const createUs: StepSpec = {
    name: "create contact", line: 14, operationId: "Contacts/Create contact", shape: { $: "object", "$.id": "string", "$.display_name": "string" },
    failures: [{ kind: "body", path: "$.display_name", message: `display_name was "client ${SAMPLE_SECRET}" <b>&</b>` }],
  };
  return [
    suiteRecord("messages", "us", [{
      name: "send text", line: 8, operationId: "Messages/Send message", attempts: timed(400),
      shape: { ...SEND_SHAPE, "$.channel": "string" }, drift: [{ instancePath: "/channel", schema: "send-message-response" }],
    }]),
    suiteRecord("contacts", "us", [
      createUs,
      { name: "list contacts", line: 20, operationId: "Contacts/List contacts", status: 201 },
      { name: "delete contact", phase: "teardown", line: 40, operationId: "Contacts/Delete contact" },
    ]),
    suiteRecord("contacts", "eu", [{ name: "create contact", line: 12, operationId: "Contacts/Create contact" }]),
  ];
}

/** The accept file of the sample: one entry accepts, one has expired, one matches nothing. */
function acceptText(): string {
  const gone = findingFingerprint("field-gone", "contacts@us/steps/create contact", "$.email");
  return [
    "accept:",
    "  - suite: contacts",
    "    step: list *",
    "    class: status-changed",
    "    reason: 201 is the new normal",
    "    until: 2026-12-31",
    `  - fingerprint: ${gone}`,
    "    reason: email moves to identities",
    "    until: 2026-01-31",
    "  - fingerprint: 000000000000",
    "    reason: fixed long ago",
    "    until: 2026-12-31",
    "",
  ].join("\n");
}

/**
 * A gate report from real files (written by the results writer, read back as streams) holding a bit of
 * everything: regressions (one with an expired acceptance, one that leaks a secret), an accepted finding,
 * changes, an improvement, a slower operation and a stale accept entry.
 */
export async function sampleGateReport(rules: Partial<GateRules> = {}): Promise<GateReport> {
  const dir = tempDir();
  const baseline = await writeResults(join(dir, "baseline.json"), baselineSuites(), { header: { apiVersion: "v1beta" } });
  const candidate = await writeResults(join(dir, "results.json"), candidateSuites());
  const acceptFile = join(dir, "conversation-contract.accept.yaml");
  writeFileSync(acceptFile, acceptText());
  return gateFiles({ baseline, candidate, acceptFile, rules, now: new Date("2026-02-15T12:00:00Z") });
}
