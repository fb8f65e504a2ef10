import { loadOwnContract } from "../contract-loader";
import { buildRouter, servedPaths } from "../http/operation-routes";
import { HANDLERS } from "./index";

const contract = loadOwnContract();
const ops = contract.operations();
const fill = (path: string) => path.replace(/\{[a-z_]+\}/g, "X1");

describe("the handler map and the operation map name the same operations [emulator-only]", () => {
  it("loads operations.json", () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  it("has a handler for every operation of schemas/operations.json", () => {
    expect(ops.map((op) => op.id).filter((id) => !Object.hasOwn(HANDLERS, id))).toEqual([]);
  });

  it("has no handler for an operation the map lacks", () => {
    const known = new Set(ops.map((op) => op.id));
    expect(Object.keys(HANDLERS).filter((id) => !known.has(id))).toEqual([]);
  });
});

describe("every operation is routed by the method and path the contract gives it [docs: §4]", () => {
  const router = buildRouter(contract, HANDLERS);

  it.each(ops.map((op) => [op.id, op] as const))("%s", (_id, op) => {
    for (const path of servedPaths(op)) {
      const m = router.match(op.method, fill(path));
      expect(m).toMatchObject({ kind: "found", value: { op: { id: op.id } } });
    }
  });

  it("serves each /v1/ operation of the Conversation API under /v1beta/ too, and only those [docs: §1]", () => {
    const beta = ops.flatMap(servedPaths).filter((p) => p.includes("/v1beta/"));
    expect(beta).toHaveLength(ops.filter((op) => op.host === "conversation" && op.path.startsWith("/v1/")).length);
    expect(servedPaths(contract.operationById("Contacts/Get contact")!)).toEqual([
      "/v1/projects/{project_id}/contacts/{contact_id}",
      "/v1beta/projects/{project_id}/contacts/{contact_id}",
    ]);
    expect(servedPaths(contract.operationById("Templates v2/Get template")!)).toEqual(["/template/v2/projects/{project_id}/templates/{template_id}"]);
    // the template host's /v1/ is Templates v1, which the introduction never served as /v1beta/
    expect(servedPaths(contract.operationById("Templates v1/Get template")!)).toEqual(["/template/v1/projects/{project_id}/templates/{template_id}"]);
    expect(servedPaths(contract.operationById("OAuth2/Get token")!)).toEqual(["/auth/oauth2/token"]);
  });

  it("leaves an operation without a handler unrouted (a 404), so a gap cannot pass unseen [emulator-only]", () => {
    const partial = buildRouter(contract, { "Contacts/Get contact": HANDLERS["Contacts/Get contact"]! });
    expect(partial.match("GET", "/v1/projects/P/contacts/C")).toMatchObject({ kind: "found" });
    expect(partial.match("GET", "/v1/projects/P/apps/A")).toEqual({ kind: "none" });
  });
});
