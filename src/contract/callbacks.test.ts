import { resolve } from "node:path";
import { loadSchemaFiles } from "../load/schemas";
import { loadContract } from "./load-contract";

const SCHEMAS = resolve(__dirname, "../../schemas");
const { contract } = loadContract(SCHEMAS);
const callbackFiles = loadSchemaFiles(SCHEMAS).schemas.filter((s) => s.id.startsWith("callbacks/"));
const COMMON = ["app_id", "accepted_time", "event_time", "project_id", "message_metadata", "correlation_id"];

const delivery = (report: Record<string, unknown>): unknown => ({
  app_id: "A",
  project_id: "P",
  accepted_time: "2024-06-06T14:42:42.379863404Z",
  message_delivery_report: { message_id: "M", channel_identity: { channel: "SMS", identity: "4670" }, ...report },
});

describe("callback schemas", () => {
  it.each(callbackFiles.map((s) => [s.id, s.schema] as const))("%s: the common fields plus one required trigger key", (_id, schema) => {
    const props = Object.keys(schema.properties as object);
    const own = props.filter((p) => !COMMON.includes(p));
    expect(own).toHaveLength(1);
    expect(schema.required).toEqual(["app_id", "project_id", own[0]]);
  });

  it("fails a callback without its trigger key", () => {
    const check = contract.validate("callbacks/contact-create", { app_id: "A", project_id: "P" });
    expect(check.violations.map((v) => v.message)).toEqual(["must have required property 'contact_create_notification'"]);
  });

  it("needs a reason for FAILED and SWITCHING_CHANNEL deliveries only", () => {
    expect(contract.validate("callbacks/message-delivery", delivery({ status: "DELIVERED" })).valid).toBe(true);
    const failed = contract.validate("callbacks/message-delivery", delivery({ status: "FAILED" }));
    expect(failed.valid).toBe(false);
    expect(failed.violations.map((v) => v.keyword)).toEqual(["required", "if"]);
    const withReason = delivery({ status: "FAILED", reason: { code: "BAD_REQUEST", description: "x" } });
    const ok = contract.validate("callbacks/message-delivery", withReason);
    expect(ok).toMatchObject({ valid: true, drift: [] });
  });

  it("rejects a delivery status the API never sends in a callback", () => {
    const check = contract.validate("callbacks/message-delivery", delivery({ status: "QUEUED" }));
    expect(check.violations[0]).toMatchObject({ instancePath: "/message_delivery_report/status", keyword: "enum" });
  });
});
