import { mergeShapes, shapeOf, shapeOfSamples } from "./response-shape";

const contactList = {
  contacts: [
    {
      id: "01HZX4QJ0C8W1T5T4C0YB2Q0RZ",
      display_name: "Ada",
      email: "ada@example.com",
      channel_identities: [{ channel: "SMS", identity: "+46700000001", app_id: "" }],
      channel_priority: ["SMS"],
      language: "EN_US",
      metadata: "",
    },
    {
      id: "01HZX4QJ0C8W1T5T4C0YB2Q0S0",
      display_name: "Bob",
      channel_identities: [{ channel: "WHATSAPP", identity: "+46700000002", app_id: "01HZAPP" }],
      channel_priority: [],
      language: "SV_SE",
      metadata: "",
    },
  ],
  next_page_token: "",
  total_size: 2,
};

describe("shapeOf", () => {
  it("records every path with its JSON type, arrays collapsed, no values", () => {
    expect(shapeOf(contactList)).toEqual({
      $: "object",
      "$.contacts": "array",
      "$.contacts[]": "object",
      "$.contacts[].id": "string",
      "$.contacts[].display_name": "string",
      "$.contacts[].email": "string?",
      "$.contacts[].channel_identities": "array",
      "$.contacts[].channel_identities[]": "object",
      "$.contacts[].channel_identities[].channel": "string",
      "$.contacts[].channel_identities[].identity": "string",
      "$.contacts[].channel_identities[].app_id": "string",
      "$.contacts[].channel_priority": "array",
      "$.contacts[].channel_priority[]": "string",
      "$.contacts[].language": "string",
      "$.contacts[].metadata": "string",
      "$.next_page_token": "string",
      "$.total_size": "number",
    });
  });

  it("gives an empty array its type and no element paths", () => {
    expect(shapeOf({ x: [] })).toEqual({ $: "object", "$.x": "array" });
  });

  it("joins disagreeing types in sorted order and keeps integers and fractions as one number type", () => {
    expect(shapeOf({ items: [{ v: "a", n: 1 }, { v: null, n: 1.5 }, { v: 3, n: -2 }] })).toMatchObject({
      "$.items[].v": "null|number|string",
      "$.items[].n": "number",
    });
  });

  it("counts a field as optional only over the objects at its parent path", () => {
    // $.items[] is null once: that element has no fields to miss, so `id` stays required
    expect(shapeOf({ items: [{ id: "a" }, null, { id: "b" }] })).toMatchObject({ "$.items[]": "null|object", "$.items[].id": "string" });
    expect(shapeOf({ items: [{ id: "a" }, {}] })).toMatchObject({ "$.items[].id": "string?" });
  });

  it("writes keys that are not identifiers in brackets, escaping quotes and backslashes", () => {
    expect(Object.keys(shapeOf({ "content-type": 1, "it's": { "a\\b": true }, _ok: 2 }))).toEqual([
      "$",
      "$['content-type']",
      "$['it\\'s']",
      "$['it\\'s']['a\\\\b']",
      "$._ok",
    ]);
  });

  it("handles a root array and scalars", () => {
    expect(shapeOf([1, "a"])).toEqual({ $: "array", "$[]": "number|string" });
    expect(shapeOf("text")).toEqual({ $: "string" });
    expect(shapeOf(null)).toEqual({ $: "null" });
  });
});

describe("mergeShapes", () => {
  const withEmail = { contacts: [{ id: "a", email: "a@x.test", tags: ["x"] }] };
  const withoutEmail = { contacts: [{ id: "b", tags: [] }] };
  const noContacts = { contacts: [] };

  it("marks a field one sample lacks as optional, like one walk over both samples", () => {
    const merged = mergeShapes(shapeOf(withEmail), shapeOf(withoutEmail));
    expect(merged["$.contacts[].email"]).toBe("string?");
    expect(merged).toEqual(shapeOfSamples([withEmail, withoutEmail]));
  });

  it("learns nothing about elements from an empty array", () => {
    const merged = mergeShapes(shapeOf(withEmail), shapeOf(noContacts));
    expect(merged["$.contacts[].email"]).toBe("string");
    expect(merged["$.contacts[].tags[]"]).toBe("string");
    expect(merged).toEqual(shapeOfSamples([withEmail, noContacts]));
  });

  it("joins types and keeps an optional marker from either side", () => {
    expect(mergeShapes({ $: "object", "$.a": "string?" }, { $: "object", "$.a": "null" })).toEqual({ $: "object", "$.a": "null|string?" });
  });

  it("leaves a field alone when the other side's parent was never an object", () => {
    const merged = mergeShapes(shapeOf({ a: { b: 1 } }), shapeOf({ a: null }));
    expect(merged).toEqual({ $: "object", "$.a": "null|object", "$.a.b": "number" });
    expect(merged).toEqual(shapeOfSamples([{ a: { b: 1 } }, { a: null }]));
  });

  it("is symmetric", () => {
    const x = shapeOf(withEmail);
    const y = shapeOf({ contacts: [{ id: 1, extra: true }] });
    expect(mergeShapes(x, y)).toEqual(mergeShapes(y, x));
  });
});
