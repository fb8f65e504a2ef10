import { isApiVersion, templateWithVersionOf, versionNames } from "./api-versions";

describe("API versions", () => {
  it("knows v1 and v1beta, and that v1beta is another name of v1", () => {
    expect(isApiVersion("v1beta")).toBe(true);
    expect(isApiVersion("v2")).toBe(false);
    expect(versionNames("v1")).toEqual(["v1", "v1beta"]);
    expect(versionNames("v2")).toEqual(["v2"]);
  });

  it("writes a template with the version the request used", () => {
    const template = "/v1/projects/{project_id}/contacts";
    expect(templateWithVersionOf(template, "/us/v1beta/projects/P/contacts")).toBe("/v1beta/projects/{project_id}/contacts");
    expect(templateWithVersionOf(template, "/us/v1/projects/P/contacts")).toBe(template);
    expect(templateWithVersionOf("/v2/templates", "/us/template/v2/templates")).toBe("/v2/templates");
  });
});
