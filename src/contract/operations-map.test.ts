import { resolve } from "node:path";
import { loadContract } from "./load-contract";

// schemas/operations.json (written by the collection's owner) must only name schemas that exist here,
// and every path template must lead back to its own operation.
const { contract, diagnostics } = loadContract(resolve(__dirname, "../../schemas"));
const ops = contract.operations();

describe("schemas/operations.json against the schemas", () => {
  it("loads without diagnostics", () => {
    expect(diagnostics).toEqual([]);
  });

  it.each(ops.map((op) => [op.id, op] as const))("%s names only known schemas", (_id, op) => {
    const names = [op.request, ...Object.values(op.responses)].filter((n): n is string => n !== undefined);
    expect(names.filter((n) => contract.resolveSchemaName(n) !== n)).toEqual([]);
  });

  it.each(ops.map((op) => [op.id, op] as const))("%s is matched by a concrete URL of its template", (_id, op) => {
    const concrete = `/us${op.path.replace(/\{[^}]+\}/g, "X1")}?page_size=1`;
    const found = contract.matchOperation(op.method, concrete);
    expect(found && `${found.method} ${found.path}`).toBe(`${op.method} ${op.path}`);
  });

  it("has an error schema for 4xx wherever the Conversation API answers", () => {
    const missing = ops.filter((op) => op.host !== "auth" && contract.schemaForStatus(op, 400) !== "error");
    expect(missing.map((op) => op.id)).toEqual([]);
  });
});
