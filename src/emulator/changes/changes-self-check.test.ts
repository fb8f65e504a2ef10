import { createContract } from "../../contract";
import { loadOperationMap, loadSchemaFiles } from "../../load/schemas";
import { SCHEMAS_DIR } from "../contract-loader";
import type { ReplyViolation } from "../index";
import { smsApp, startHarness, type Harness } from "../testing/harness";

/** The package's contract, except that app no longer names queue_stats: every app reply the emulator sends breaks it. */
function contractWithoutQueueStats() {
  const loaded = loadSchemaFiles(SCHEMAS_DIR);
  const app = loaded.schemas.find((s) => s.id === "app.schema.json")?.schema as { properties: Record<string, unknown> };
  delete app.properties.queue_stats;
  return createContract({ schemas: loaded.schemas, operations: loadOperationMap(SCHEMAS_DIR).map });
}

describe("the self-check while API changes are active [emulator-only]", () => {
  let h: Harness;
  const selfReports: ReplyViolation[] = [];
  beforeAll(async () => {
    h = await startHarness({ contract: contractWithoutQueueStats(), onReplyViolation: (v) => selfReports.push(v) });
  });
  afterAll(async () => {
    await h.close();
  });

  it("stays silent about a deliberate change and still reports the emulator's own mistakes", async () => {
    const contact = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "+46705551234" }], language: "EN_US" } });
    for (const body of [
      { kind: "drop-field", entity: "contact", field: "id" },
      { kind: "change-type", entity: "contact", field: "language", to: "array" },
      { kind: "status", operation: "Apps/List apps", status: 202 },
    ]) {
      expect((await h.admin("POST", "/changes", body)).status).toBe(200);
    }
    const got = await h.api("GET", `/contacts/${contact.body.id}`);
    expect(got.body).not.toHaveProperty("id");
    expect(got.body.language).toEqual(["EN_US"]);
    expect((await h.api("GET", "/apps")).status).toBe(202);
    expect(selfReports).toEqual([]);
    // the client side sees the broken contract, as a runner would
    expect(h.problems.join("\n")).toMatch(/contact/);

    const app = await h.api("POST", "/apps", { body: smsApp() });
    expect(app.status).toBe(200);
    expect(selfReports).toEqual([expect.objectContaining({ method: "POST", status: 200, schema: "app" })]);
    expect(selfReports[0]?.messages.join("\n")).toMatch(/queue_stats/);
  });
});
