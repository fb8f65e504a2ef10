import type { RequestTemplate, Suite } from "../../model";
import { reqStep, suite } from "../testing/builders";
import { fakeContract } from "../testing/fake-contract";
import { VariableScope } from "../variables";
import { compileRequestStep } from "./compile-request-step";
import { renderRequest } from "./render-request";

const template: RequestTemplate = {
  id: "Contacts/List contacts", folder: "Contacts", name: "List contacts", method: "get",
  url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts", query: [["page_size", "10"], ["page_token", "{{TOKEN}}"]],
  headers: { Authorization: "Bearer {{ACCESS_TOKEN}}", "X-Trace": "{{TRACE}}" }, auth: "bearer",
  variables: { TRACE: "from-collection", TOKEN: "" }, body: { mode: "urlencoded", form: { a: "{{PROJECT}}" } },
};
const requests = new Map([[template.id, template]]);
const owner: Suite = suite("s", { steps: [] }, { auth: "oauth2" });

function render(step: ReturnType<typeof reqStep>, scope = new VariableScope({ BASE_URL: "http://h/us", PROJECT: "p 1" }, new Map())) {
  return renderRequest(compileRequestStep(step, owner, requests, fakeContract()), scope, "us");
}

describe("request building", () => {
  it("starts from the collection request and overlays the step's query and headers", () => {
    const { req, missing } = render(reqStep("x", { request: template.id, query: { page_token: "abc", extra: [1, 2] }, headers: { "x-trace": "step" } }));
    expect(missing).toEqual([]);
    expect(req).toMatchObject({ method: "GET", url: "http://h/us/v1/projects/p 1/contacts?page_size=10&page_token=abc&extra=1&extra=2",
      headers: { "x-trace": "step", "content-type": "application/x-www-form-urlencoded" }, body: "a=p%201", auth: { mode: "oauth2", region: "us" } });
    expect(req.headers.authorization).toBeUndefined();
  });

  it("uses collection variables below the suite's, and reports what is missing", () => {
    const { req, missing } = render(reqStep("x", { request: template.id }));
    expect(req.headers["x-trace"]).toBe("from-collection");
    expect(missing).toEqual(["TOKEN"]);
  });

  it("replaces the body with the step's JSON and keeps an explicit Authorization header", () => {
    const { req } = render(reqStep("x", { request: template.id, query: { page_token: "t" }, body: { n: 1 }, headers: { Authorization: "Bearer bogus" } }));
    expect(req.body).toBe('{"n":1}');
    expect(req.headers).toMatchObject({ authorization: "Bearer bogus", "content-type": "application/json" });
    expect(req.auth).toEqual({ mode: "none" });
  });

  it("builds inline requests and resolves dot segments", () => {
    const scope = new VariableScope({ ADMIN_URL: "http://h/_emulator" }, new Map());
    const { req } = render(reqStep("x", { method: "delete", url: "{{ADMIN_URL}}/../eu/v1/x", auth: "basic" }), scope);
    expect(req).toMatchObject({ method: "DELETE", url: "http://h/eu/v1/x", idempotent: true, auth: { mode: "basic", region: "us" } });
  });
});
