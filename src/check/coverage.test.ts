import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadContract } from "../contract";
import type { Contract, OperationRef, RequestStep, RequestTemplate, Suite } from "../model";
import { parseCollection, parseSuite } from "../parse";
import { computeCoverage, formatCoverage } from "./coverage";

const pos = { file: "suites/x.yaml", line: 1, column: 1 };

function template(id: string, method: string, url: string): RequestTemplate {
  const [folder = "", name = ""] = id.split("/");
  return { id, folder, name, method, url, query: [], headers: {}, auth: "bearer", variables: {} };
}

const requests = new Map<string, RequestTemplate>([
  ["Contacts/Create contact", template("Contacts/Create contact", "POST", "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts")],
  ["Contacts/Get contact", template("Contacts/Get contact", "GET", "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}")],
  ["Contacts/Delete contact", template("Contacts/Delete contact", "DELETE", "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}")],
  ["Apps/List apps", template("Apps/List apps", "GET", "{{BASE_URL}}/v1/projects/{{PROJECT}}/apps")],
]);

const operations: OperationRef[] = [...requests.values()].map((r) => ({
  id: r.id,
  method: r.method,
  host: "conversation",
  path: r.url.replace("{{BASE_URL}}", "").replace("{{PROJECT}}", "{project_id}").replace("{{CONTACT}}", "{contact_id}"),
  responses: { "200": "contact", "4xx": "error" },
}));

/** Just enough of a contract: operations matched by method and path template (as a suffix). */
const contract = {
  operations: () => operations,
  operationById: (id: string) => operations.find((o) => o.id === id),
  matchOperation: (method: string, path: string) =>
    operations.find((o) => {
      const pattern = new RegExp(`${o.path.replace(/\{[a-z_]+\}/g, "[^/]+")}$`);
      return o.method === method && pattern.test(path);
    }),
} as unknown as Contract;

function step(name: string, fields: Partial<RequestStep>): RequestStep {
  return { kind: "request", name, phase: "steps", index: 0, pos, fieldPos: {}, capture: {}, query: {}, headers: {}, expect: { headers: {}, body: {} }, ...fields };
}

function suite(id: string, steps: RequestStep[], teardown: RequestStep[] = []): Suite {
  return { file: `suites/${id}.yaml`, id, name: id, tags: [], auth: "oauth2", needs: [], exports: [], variables: {}, setup: [], steps, teardown, pos, fieldPos: {} };
}

describe("computeCoverage", () => {
  const suites = [
    suite(
      "contacts",
      [
        step("create", { request: "Contacts/Create contact", expect: { status: 200, headers: {}, body: {} } }),
        step("read", { request: "Contacts/Get contact" }),
        step("gone", { request: "Contacts/Get contact", expect: { status: [404, "4XX"], headers: {}, body: {} } }),
      ],
      [step("delete", { request: "Contacts/Delete contact" })],
    ),
    suite("negative", [
      step("inline read", { method: "get", url: "{{BASE_URL}}/{{API_VERSION}}/projects/other-project/contacts/X?view=1", expect: { status: 403, headers: {}, body: {} } }),
      step("absolute", { method: "GET", url: "http://127.0.0.1:1/eu/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}", expect: { status: 401, headers: {}, body: {} } }),
      step("unknown", { method: "POST", url: "{{BASE_URL}}/v1/nothing/here" }),
      step("admin", { method: "POST", url: "{{ADMIN_URL}}/inbound" }),
    ]),
  ];
  const report = computeCoverage(suites, requests, contract);

  it("lists the expected statuses per operation, inline requests included", () => {
    const byId = Object.fromEntries(report.operations.map((o) => [o.id, o]));
    expect(byId["Contacts/Create contact"]).toEqual({ id: "Contacts/Create contact", method: "POST", statuses: ["200"], suites: ["contacts"] });
    expect(byId["Contacts/Get contact"]?.statuses).toEqual(["2xx", "401", "403", "404", "4xx"]);
    expect(byId["Contacts/Get contact"]?.suites).toEqual(["contacts", "negative"]);
    expect(byId["Contacts/Delete contact"]?.statuses).toEqual(["2xx"]);
  });

  it("names the operations no suite exercises and the inline steps that match nothing (admin API aside)", () => {
    expect(report.uncovered).toEqual(["Apps/List apps"]);
    expect(report).toMatchObject({ covered: 3, total: 4 });
    expect(report.unmatched).toEqual([{ suite: "negative", step: "unknown", method: "POST", url: "{{BASE_URL}}/v1/nothing/here" }]);
  });

  it("reports everything uncovered when there are no suites", () => {
    const empty = computeCoverage([], requests, contract);
    expect(empty.covered).toBe(0);
    expect(empty.uncovered).toHaveLength(4);
  });
});

describe("formatCoverage", () => {
  it("prints a table, the total and what is missing", () => {
    const report = computeCoverage([suite("s", [step("a", { request: "Apps/List apps", expect: { status: 200, headers: {}, body: {} } })])], requests, contract);
    const text = formatCoverage(report);
    expect(text).toContain("operation                method  statuses  suites");
    expect(text).toContain("Apps/List apps           GET     200       1");
    expect(text).toContain("Contacts/Get contact     GET     -         0");
    expect(text).toContain("1/4 operations exercised (25%)");
    expect(text).toContain("not exercised by any suite:\n  Contacts/Create contact");
  });
});

describe("the repository's suites", () => {
  // real collection, real contract, real suites: the pack should exercise every operation
  const root = join(__dirname, "..", "..");

  it("exercise every operation of the collection", () => {
    const collectionFile = join(root, "collections", "conversation-api.postman_collection.json");
    const { requests } = parseCollection(JSON.parse(readFileSync(collectionFile, "utf8")), collectionFile);
    const { contract } = loadContract(join(root, "schemas"));
    const suitesDir = join(root, "suites");
    const suiteSchema = JSON.parse(readFileSync(join(root, "schemas", "suite.schema.json"), "utf8")) as Record<string, unknown>;
    const parsed = readdirSync(suitesDir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => parseSuite(readFileSync(join(suitesDir, f), "utf8"), join("suites", f), suiteSchema));
    expect(parsed.flatMap((p) => p.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`))).toEqual([]);
    const suites = parsed.map((p) => p.suite).filter((s): s is Suite => s !== undefined);
    const report = computeCoverage(suites, requests, contract);
    expect(report.unmatched).toEqual([]);
    expect(report.uncovered).toEqual([]);
    const statuses = (id: string) => report.operations.find((o) => o.id === id)?.statuses ?? [];
    expect(statuses("Contacts/Get contact")).toEqual(expect.arrayContaining(["200", "404"]));
  });
});
