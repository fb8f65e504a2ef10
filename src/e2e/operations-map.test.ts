import * as fs from "fs";
import * as path from "path";
import { SCHEMAS_DIR, collectionRequests, loadCollection, readJson, type PostmanCollection } from "./collection-files";

interface OperationEntry {
  method: string;
  host: "conversation" | "template" | "auth";
  path: string;
  request?: string;
  responses: Record<string, string>;
}
type OperationMap = Record<string, OperationEntry>;

const HOST_VARIABLE: Record<OperationEntry["host"], string> = {
  conversation: "{{BASE_URL}}",
  template: "{{TEMPLATE_BASE_URL}}",
  auth: "{{AUTH_URL}}",
};

/** Canonical schema names ($id minus .schema.json) of every schema file under schemas/. */
function schemaNames(dir: string): string[] {
  const names: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) names.push(...schemaNames(file));
    else if (entry.name.endsWith(".schema.json")) {
      const id = readJson<{ $id?: string }>(file).$id;
      if (id) names.push(id.replace(/\.schema\.json$/, ""));
    }
  }
  return names;
}

/** As Contract.resolveSchemaName: lower case, without "-", "_" and spaces. */
const normalize = (name: string) => name.toLowerCase().replace(/[-_ ]/g, "");

/** The path template as a pattern over the collection's literal path ({{VARS}} left in place). */
function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[a-z_]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`${escaped}$`);
}

/** Everything that keeps the operation map and the collection from agreeing. */
function compareMap(collection: PostmanCollection, map: OperationMap, schemas: string[]): string[] {
  const known = new Set(schemas.map(normalize));
  const problems: string[] = [];
  const requests = collectionRequests(collection);
  const ids = new Set(requests.map((r) => r.id));
  // the path version is the collection variable API_VERSION, as Postman renders it
  const apiVersion = collection.variable.find((v) => v.key === "API_VERSION")?.value ?? "{{API_VERSION}}";
  for (const { id, item } of requests) {
    const op = map[id];
    if (!op) {
      problems.push(`${id}: no entry in operations.json`);
      continue;
    }
    const { method, url } = item.request;
    if (op.method !== method) problems.push(`${id}: method ${op.method} in the map, ${method} in the collection`);
    if (url.host[0] !== HOST_VARIABLE[op.host]) problems.push(`${id}: host ${op.host} but the URL starts with ${url.host[0]}`);
    const literal = `/${url.path.join("/")}`.split("{{API_VERSION}}").join(apiVersion);
    if (!templatePattern(op.path).test(literal)) problems.push(`${id}: path ${op.path} does not match ${literal}`);
  }
  for (const [id, op] of Object.entries(map)) {
    if (!ids.has(id)) problems.push(`${id}: not a request of the collection`);
    for (const schema of [op.request, ...Object.values(op.responses)]) {
      if (schema !== undefined && !known.has(normalize(schema))) problems.push(`${id}: unknown schema ${schema}`);
    }
    for (const key of Object.keys(op.responses)) {
      if (!/^([1-5]\d\d|[1-5]xx|default)$/.test(key)) problems.push(`${id}: bad status key ${key}`);
    }
  }
  return problems;
}

describe("schemas/operations.json", () => {
  const collection = loadCollection();
  const map = readJson<{ operations: OperationMap }>(path.join(SCHEMAS_DIR, "operations.json")).operations;
  const schemas = schemaNames(SCHEMAS_DIR);
  const clone = () => JSON.parse(JSON.stringify(map)) as OperationMap;

  it("agrees with the collection and names only existing schemas", () => {
    expect(compareMap(collection, map, schemas)).toEqual([]);
  });

  it("gives every operation a 2xx schema and the error envelope (OAuth2 error for the token)", () => {
    for (const [id, op] of Object.entries(map)) {
      expect(Object.keys(op.responses).some((k) => k.startsWith("2"))).toBe(true);
      const error = id === "OAuth2/Get token" ? "oauth-error" : "error";
      expect([id, op.responses["4xx"], op.responses["5xx"]]).toEqual([id, error, error]);
    }
  });

  it("reports a request without an entry and an entry without a request", () => {
    const broken = clone();
    const entry = broken["Contacts/Get contact"] as OperationEntry;
    delete broken["Contacts/Get contact"];
    broken["Contacts/Get kontact"] = entry;
    expect(compareMap(collection, broken, schemas)).toEqual([
      "Contacts/Get contact: no entry in operations.json",
      "Contacts/Get kontact: not a request of the collection",
    ]);
  });

  it("reports a method, host or path that disagrees with the collection", () => {
    const broken = clone();
    Object.assign(broken["Contacts/Get contact"] as OperationEntry, { method: "PUT" });
    Object.assign(broken["Apps/Get app"] as OperationEntry, { path: "/v1/projects/{project_id}/app/{app_id}" });
    Object.assign(broken["Templates v2/Get template"] as OperationEntry, { host: "conversation" });
    expect(compareMap(collection, broken, schemas)).toEqual([
      "Apps/Get app: path /v1/projects/{project_id}/app/{app_id} does not match /v1/projects/{{PROJECT}}/apps/{{APP}}",
      "Contacts/Get contact: method PUT in the map, GET in the collection",
      "Templates v2/Get template: host conversation but the URL starts with {{TEMPLATE_BASE_URL}}",
    ]);
  });

  it("reports a schema name that does not exist, and resolves names loosely", () => {
    const broken = clone();
    (broken["Apps/Get app"] as OperationEntry).responses["200"] = "Aplication";
    (broken["Apps/List apps"] as OperationEntry).responses["200"] = "AppList";
    expect(compareMap(collection, broken, schemas)).toEqual(["Apps/Get app: unknown schema Aplication"]);
  });
});
