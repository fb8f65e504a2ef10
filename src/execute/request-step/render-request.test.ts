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

  it("builds inline requests", () => {
    const scope = new VariableScope({ BASE_URL_EU: "http://h/eu" }, new Map());
    const { req } = render(reqStep("x", { method: "delete", url: "{{BASE_URL_EU}}/v1/x", auth: "basic" }), scope);
    expect(req).toMatchObject({ method: "DELETE", url: "http://h/eu/v1/x", idempotent: true, auth: { mode: "basic", region: "us" } });
    expect(req.body).toBeUndefined();
    expect(req.headers["content-type"]).toBeUndefined();
  });
});

describe("raw string bodies", () => {
  const scope = (): VariableScope => new VariableScope({ BASE_URL: "http://h/us", PROJECT: "p 1" }, new Map([["APP", "app-1"]]));

  it("sends a string body verbatim, variables resolved, as application/json", () => {
    const { req, missing } = render(reqStep("x", { request: template.id, query: { page_token: "t" }, body: '{"display_name": "broken {{APP}}' }), scope());
    expect(missing).toEqual([]);
    expect(req.body).toBe('{"display_name": "broken app-1');
    expect(req.headers["content-type"]).toBe("application/json");
  });

  it("keeps a content-type the step sets, and reports a missing variable", () => {
    const { req, missing } = render(reqStep("x", { method: "POST", url: "{{BASE_URL}}/x", body: "a={{NOPE}}", headers: { "Content-Type": "text/plain" } }), scope());
    expect(req.body).toBe("a=");
    expect(req.headers["content-type"]).toBe("text/plain");
    expect(missing).toEqual(["NOPE"]);
  });

  it("still serialises non-string bodies as JSON (the old behaviour, not verbatim)", () => {
    const cases: Array<[unknown, string]> = [[{ id: "{{APP}}" }, '{"id":"app-1"}'], [["{{APP}}", 2], '["app-1",2]'], [42, "42"], [false, "false"]];
    for (const [body, sent] of cases) {
      const { req } = render(reqStep("x", { method: "POST", url: "{{BASE_URL}}/x", body }), scope());
      expect([body, req.body, req.headers["content-type"]]).toEqual([body, sent, "application/json"]);
    }
    // the same text as a string is not JSON-encoded (no surrounding quotes, no escaping)
    expect(render(reqStep("x", { method: "POST", url: "{{BASE_URL}}/x", body: '"quoted"' }), scope()).req.body).toBe('"quoted"');
  });
});
