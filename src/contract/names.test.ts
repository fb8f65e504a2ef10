import { callbackSchemaNameOf, normalizeSchemaName, SchemaNameIndex, schemaNameOf } from "./names";

describe("schema names", () => {
  const index = new SchemaNameIndex(["contact", "contact-list", "error", "callbacks/message-delivery", "app"]);

  it("normalizes case, dashes, underscores, spaces and the file suffix", () => {
    expect(normalizeSchemaName("Contact_List")).toBe("contactlist");
    expect(normalizeSchemaName(" contact-list.schema.json ")).toBe("contactlist");
    expect(schemaNameOf("callbacks/message-delivery.schema.json")).toBe("callbacks/message-delivery");
  });

  it("resolves what users write to canonical names", () => {
    expect(index.resolve("ContactList")).toBe("contact-list");
    expect(index.resolve("Error")).toBe("error");
    expect(index.resolve("contact list")).toBe("contact-list");
    expect(index.resolve("callbacks/MessageDelivery")).toBe("callbacks/message-delivery");
    expect(index.resolve("MessageDelivery")).toBe("callbacks/message-delivery");
  });

  it("resolves nothing for unknown names", () => {
    expect(index.resolve("Contacts")).toBeUndefined();
    expect(index.resolve("")).toBeUndefined();
  });

  it("derives callback schema names from triggers", () => {
    expect(callbackSchemaNameOf("MESSAGE_DELIVERY")).toBe("callbacks/message-delivery");
    expect(callbackSchemaNameOf("SMART_CONVERSATIONS")).toBe("callbacks/smart-conversation");
    expect(callbackSchemaNameOf("smart_conversation")).toBe("callbacks/smart-conversation");
  });
});
