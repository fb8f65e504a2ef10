import { resolve } from "node:path";
import { loadSchemaFiles } from "../load/schemas";
import { createContract } from "./contract";
import { validateReply } from "./validate-reply";

const contract = createContract({
  schemas: loadSchemaFiles(resolve(__dirname, "../../schemas")).schemas,
  operations: {
    operations: {
      "Contacts/Get contact": {
        method: "GET",
        host: "conversation",
        path: "/v1/projects/{project_id}/contacts/{contact_id}",
        responses: { "200": "contact", "4xx": "error" },
      },
    },
  },
});
const contact = { id: "C1", channel_identities: [{ channel: "SMS", identity: "4670" }], language: "EN_US" };

describe("validateReply", () => {
  it("passes a reply that matches the schema for its status", () => {
    const r = validateReply(contract, "Contacts/Get contact", 200, contact);
    expect(r).toMatchObject({ ok: true, operation: "Contacts/Get contact", schema: "contact" });
    expect(r.problem).toBeUndefined();
  });

  it("finds the operation by method and path too", () => {
    const r = validateReply(contract, { method: "GET", path: "/us/v1/projects/p/contacts/C1" }, 404, {
      error: { code: 404, message: "not found", status: "NOT_FOUND" },
    });
    expect(r.ok).toBe(true);
    expect(r.schema).toBe("error");
  });

  it("fails a reply that breaks its schema, naming the field", () => {
    const r = validateReply(contract, "Contacts/Get contact", 200, { ...contact, language: "ELVISH" });
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/^contact: \/language must be equal to one of/);
  });

  it("fails drift unless told not to be strict", () => {
    const drifting = { ...contact, shoe_size: 44 };
    expect(validateReply(contract, "Contacts/Get contact", 200, drifting).problem).toContain("/shoe_size");
    expect(validateReply(contract, "Contacts/Get contact", 200, drifting, { strict: false }).ok).toBe(true);
  });

  it("fails when no operation or no schema is known: unchecked is not passed", () => {
    expect(validateReply(contract, "Contacts/Nope", 200, {})).toMatchObject({ ok: false, problem: "no operation known for Contacts/Nope" });
    const noPath = validateReply(contract, { method: "GET", path: "/v1/projects/p/elsewhere" }, 200, {});
    expect(noPath.ok).toBe(false);
    const noSchema = validateReply(contract, "Contacts/Get contact", 503, {});
    expect(noSchema).toMatchObject({ ok: false, problem: "no schema known for Contacts/Get contact status 503" });
  });
});
