import type { OperationRef } from "../model";
import { OperationMatcher, schemaForStatus } from "./operation-matcher";

const P = "/v1/projects/{project_id}";
function op(id: string, method: string, path: string, responses: Record<string, string> = { "200": "x" }): OperationRef {
  return { id, method, path, host: "conversation", responses };
}
const ops = [
  op("Contacts/List", "GET", `${P}/contacts`),
  op("Contacts/Get", "GET", `${P}/contacts/{contact_id}`),
  op("Contacts/Delete", "DELETE", `${P}/contacts/{contact_id}`),
  op("Contacts/Merge", "POST", `${P}/contacts/{destination_id}:merge`),
  op("Contacts/Conflicts", "GET", `${P}/contacts:identityConflicts`),
  op("Conversations/Get", "GET", `${P}/conversations/{conversation_id}`),
  op("Conversations/Stop", "POST", `${P}/conversations/{conversation_id}:stop`),
  op("Messages/Send", "POST", `${P}/messages:send`),
  op("Consents/List", "GET", `${P}/apps/{app_id}/consents/{list_type}`),
  op("Consents/Audit", "GET", `${P}/apps/{app_id}/consents/identities/{identity}`),
  op("OAuth2/Get token", "POST", "/oauth2/token"),
];
const matcher = new OperationMatcher(ops);
const id = (method: string, path: string): string | undefined => matcher.match(method, path)?.id;

describe("matchOperation", () => {
  it("matches a template as a suffix of the pathname, after a region prefix", () => {
    expect(id("GET", "/us/v1/projects/p1/contacts/C1")).toBe("Contacts/Get");
    expect(id("GET", "/v1/projects/p1/contacts")).toBe("Contacts/List");
    expect(id("POST", "/eu/auth/oauth2/token")).toBe("OAuth2/Get token");
  });

  it("tells methods apart, case-insensitively", () => {
    expect(id("delete", "/v1/projects/p1/contacts/C1")).toBe("Contacts/Delete");
    expect(id("PUT", "/v1/projects/p1/contacts/C1")).toBeUndefined();
  });

  it("handles custom methods after a colon", () => {
    expect(id("POST", "/us/v1/projects/p1/contacts/C1:merge")).toBe("Contacts/Merge");
    expect(id("POST", "/v1/projects/p1/messages:send")).toBe("Messages/Send");
    expect(id("POST", "/v1/projects/p1/conversations/X:stop")).toBe("Conversations/Stop");
    expect(id("GET", "/v1/projects/p1/conversations/X")).toBe("Conversations/Get");
  });

  it("lets a literal segment beat a parameter", () => {
    expect(id("GET", "/v1/projects/p1/contacts:identityConflicts")).toBe("Contacts/Conflicts");
    expect(id("GET", "/v1/projects/p1/apps/A/consents/identities/+4670")).toBe("Consents/Audit");
    expect(id("GET", "/v1/projects/p1/apps/A/consents/OPT_OUT_ALL")).toBe("Consents/List");
  });

  it("ignores the query, the fragment, a trailing slash and a full URL's origin", () => {
    expect(id("GET", "/v1/projects/p1/contacts?page_size=2#x")).toBe("Contacts/List");
    expect(id("GET", "/v1/projects/p1/contacts/")).toBe("Contacts/List");
    expect(id("GET", "http://127.0.0.1:9/us/v1/projects/p1/contacts/C1?x=1")).toBe("Contacts/Get");
  });

  it("matches the introduction's /v1beta/ paths to the same operations as /v1/, and no other version", () => {
    expect(id("GET", "/us/v1beta/projects/p1/contacts/C1")).toBe("Contacts/Get");
    expect(id("POST", "/v1beta/projects/p1/contacts/C1:merge")).toBe("Contacts/Merge");
    expect(id("GET", "/v2/projects/p1/contacts/C1")).toBeUndefined();
    expect(id("GET", "/v1betax/projects/p1/contacts/C1")).toBeUndefined();
  });

  it("matches nothing for an unknown path or a path that only shares a prefix", () => {
    expect(id("GET", "/v1/projects/p1/unknown")).toBeUndefined();
    expect(id("GET", "/v1/projects/p1/contacts/C1/extra")).toBeUndefined();
    expect(id("GET", "/v1/projects/p1/xcontacts")).toBeUndefined();
  });
});

describe("schemaForStatus", () => {
  const o = op("X/Y", "GET", "/x", { "200": "contact", "404": "not-found", "4xx": "error", default: "fallback" });
  it("prefers the exact code, then the class, then default", () => {
    expect(schemaForStatus(o, 200)).toBe("contact");
    expect(schemaForStatus(o, 404)).toBe("not-found");
    expect(schemaForStatus(o, 429)).toBe("error");
    expect(schemaForStatus(o, 503)).toBe("fallback");
  });

  it("knows no schema when nothing fits", () => {
    expect(schemaForStatus(op("A/B", "GET", "/a", { "200": "x" }), 201)).toBeUndefined();
  });
});
