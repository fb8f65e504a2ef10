import { resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import type { Diagnostic } from "../model";
import { loadSchemaFiles, type OperationMapFile } from "../load/schemas";
import { createContract } from "./contract";

const SCHEMAS = resolve(__dirname, "../../schemas");
const schemas = loadSchemaFiles(SCHEMAS).schemas;
const operations: OperationMapFile = {
  operations: {
    "Contacts/Create contact": {
      method: "post",
      host: "conversation",
      path: "/v1/projects/{project_id}/contacts",
      request: "contact-create-request",
      responses: { "200": "contact", "4XX": "error" },
    },
  },
};
const contract = createContract({ schemas, operations });

describe("createContract", () => {
  it("knows every schema by its canonical name", () => {
    const names = contract.schemaNames();
    expect(names).toContain("contact");
    expect(names).toContain("callbacks/message-delivery");
    expect(names).not.toContain("contact.schema.json");
    expect(contract.resolveSchemaName("ContactList")).toBe("contact-list");
    expect(contract.resolveSchemaName("Error")).toBe("error");
    expect(contract.resolveSchemaName("NoSuchThing")).toBeUndefined();
  });

  it("exposes operations with upper-case methods, lower-case status classes and the request schema", () => {
    const op = contract.operationById("Contacts/Create contact");
    expect(op).toMatchObject({ method: "POST", request: "contact-create-request", responses: { "4xx": "error" } });
    expect(contract.operations()).toHaveLength(1);
    expect(contract.operationById("Contacts/Nope")).toBeUndefined();
    expect(contract.matchOperation("POST", "/br/v1/projects/p/contacts")?.id).toBe("Contacts/Create contact");
    expect(contract.schemaForStatus(op!, 400)).toBe("error");
    expect(contract.schemaForStatus(op!, 500)).toBeUndefined();
  });

  it("maps callback triggers to their schemas, and unknown triggers to none", () => {
    expect(contract.callbackSchema("MESSAGE_DELIVERY")).toBe("callbacks/message-delivery");
    expect(contract.callbackSchema("SMART_CONVERSATION")).toBe("callbacks/smart-conversation");
    expect(contract.callbackSchema("SMART_CONVERSATIONS")).toBe("callbacks/smart-conversation");
    expect(contract.callbackSchema("BATCH_STATUS_UPDATE")).toBeUndefined();
  });

  it("has a callback schema for every webhook trigger but the placeholder one", () => {
    const triggers = (schemas.find((s) => s.id === "webhook-trigger.schema.json")!.schema.enum as string[])
      .filter((t) => t !== "UNSPECIFIED_TRIGGER");
    expect(triggers.filter((t) => contract.callbackSchema(t) === undefined)).toEqual([]);
  });

  it("validates with names as users write them, and fails on an unknown schema", () => {
    expect(contract.validate("Contact", { id: "c", channel_identities: [], language: "EN" }).valid).toBe(true);
    const unknown = contract.validate("Contactz", {});
    expect(unknown.valid).toBe(false);
    expect(unknown.violations[0]!.message).toContain('unknown schema "Contactz"');
  });

  it("compiles each schema once, however often it validates", () => {
    const spy = jest.spyOn(Ajv2020.prototype, "getSchema");
    const fresh = createContract({ schemas, operations });
    for (let i = 0; i < 50; i++) fresh.validate("conversation", { id: "c", app_id: "a", contact_id: "k" });
    // the schema and its closed check, each compiled by ajv when first fetched
    expect(spy.mock.calls.map(([key]) => key)).toEqual(["conversation.schema.json", "closed-check~conversation.schema.json"]);
    spy.mockRestore();
  });

  it("reports a schema that cannot be added or compiled, and keeps the others", () => {
    const sink: Diagnostic[] = [];
    const S = "https://json-schema.org/draft/2020-12/schema";
    const broken = createContract(
      {
        schemas: [
          { file: "/v/bad-type.schema.json", id: "bad-type.schema.json", schema: { $schema: S, $id: "bad-type.schema.json", type: 12 } },
          { file: "/v/dangling.schema.json", id: "dangling.schema.json", schema: { $schema: S, $id: "dangling.schema.json", $ref: "nothing.schema.json" } },
          { file: "/v/ok.schema.json", id: "ok.schema.json", schema: { $schema: S, $id: "ok.schema.json", type: "string" } },
        ],
        operations: { operations: {} },
      },
      sink,
    );
    expect(sink.map((d) => [d.code, d.file])).toEqual([["CC_SCHEMA_INVALID", "/v/bad-type.schema.json"]]);
    expect(broken.schemaNames()).toEqual(["dangling", "ok"]);
    const later = broken.compileAll();
    expect(later.map((d) => [d.code, d.file])).toEqual([["CC_SCHEMA_INVALID", "/v/dangling.schema.json"]]);
    const check = broken.validate("dangling", "x");
    expect(check.valid).toBe(false);
    expect(check.violations[0]!.keyword).toBe("schema");
    expect(broken.validate("ok", "x").valid).toBe(true);
  });
});
