import type { Contract, OperationRef, RequestTemplate, SchemaCheck, Violation } from "../../model";

type Check = (data: unknown) => { violations: Violation[]; drift: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function objectSchema(required: Record<string, string>, known: string[]): Check {
  return (data) => {
    if (!isObject(data)) return { violations: [{ instancePath: "", keyword: "type", schemaPath: "#/type", message: "must be object" }], drift: [] };
    const violations: Violation[] = [];
    for (const [key, type] of Object.entries(required)) {
      if (!(key in data)) violations.push({ instancePath: "", keyword: "required", schemaPath: "#/required", message: `must have required property '${key}'` });
      else if (typeof data[key] !== type) violations.push({ instancePath: `/${key}`, keyword: "type", schemaPath: `#/properties/${key}/type`, message: `must be ${type}` });
    }
    const drift = Object.keys(data).filter((k) => !(k in required) && !known.includes(k)).map((k) => `/${k}`);
    return { violations, drift };
  };
}

const SCHEMAS: Record<string, Check> = {
  contact: objectSchema({ id: "string", display_name: "string" }, ["language", "channel_identities"]),
  error: objectSchema({ error: "object" }, []),
  empty: objectSchema({}, []),
  "callbacks/message-delivery": objectSchema({ message_delivery_report: "object" }, ["app_id", "project_id", "accepted_time"]),
};

const CONTACTS = "/v1/projects/{project_id}/contacts";
const OPERATIONS: OperationRef[] = [
  { id: "Contacts/Create contact", method: "POST", path: CONTACTS, host: "conversation", responses: { "200": "contact", "4xx": "error" } },
  { id: "Contacts/Get contact", method: "GET", path: `${CONTACTS}/{contact_id}`, host: "conversation", responses: { "200": "contact", "4xx": "error", "5xx": "error" } },
  { id: "Contacts/Delete contact", method: "DELETE", path: `${CONTACTS}/{contact_id}`, host: "conversation", responses: { "200": "empty", "4xx": "error" } },
];

/** A small Contract over contacts, errors and one callback, enough to drive the runner in tests. */
export function fakeContract(): Contract {
  const matchers = OPERATIONS.map((op) => ({ op, re: new RegExp(`${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`) }));
  return {
    resolveSchemaName: (name) => Object.keys(SCHEMAS).find((k) => k.replace(/[-_ ]/g, "") === name.toLowerCase().replace(/[-_ ]/g, "")),
    schemaNames: () => Object.keys(SCHEMAS),
    operations: () => OPERATIONS,
    operationById: (id) => OPERATIONS.find((op) => op.id === id),
    matchOperation: (method, path) => matchers.find((m) => m.op.method === method && m.re.test(path))?.op,
    schemaForStatus: (op, status) => op.responses[String(status)] ?? op.responses[`${String(status)[0]}xx`],
    callbackSchema: (trigger) => (trigger === "MESSAGE_DELIVERY" ? "callbacks/message-delivery" : undefined),
    validate(schema, data): SchemaCheck {
      const { violations, drift } = SCHEMAS[schema]!(data);
      return { schema, valid: violations.length === 0, violations, drift: drift.map((instancePath) => ({ instancePath, schema })) };
    },
  };
}

/** The collection requests the fake contract knows. */
export function fakeRequests(): Map<string, RequestTemplate> {
  const base = "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts";
  const make = (name: string, method: string, url: string, body?: unknown): RequestTemplate => ({
    id: `Contacts/${name}`, folder: "Contacts", name, method, url, query: [], headers: { Authorization: "Bearer {{ACCESS_TOKEN}}" },
    body: body === undefined ? undefined : { mode: "json", json: body }, auth: "bearer", variables: { CONTACT: "" },
  });
  return new Map([
    make("Create contact", "POST", base, { display_name: "from collection" }),
    make("Get contact", "GET", `${base}/{{CONTACT}}`),
    make("Delete contact", "DELETE", `${base}/{{CONTACT}}`),
  ].map((t) => [t.id, t]));
}
