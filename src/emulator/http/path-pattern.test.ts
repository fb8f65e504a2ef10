import { Random } from "../testing/random";
import { compilePathPattern, type PathMatcher } from "./path-pattern";

/** The same language as a regular expression, for comparison only: `*` is [^/]*, a `**` segment any number of segments. */
function reference(pattern: string): RegExp {
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const parts = pattern.split("/");
  let src = "";
  parts.forEach((part, i) => {
    const sep = i === 0 ? "" : "/";
    if (part === "**") src += i === 0 ? "(?:[^/]*(?:/[^/]*)*)?" : "(?:/[^/]*)*";
    else src += sep + part.split("*").map(escape).join("[^/]*");
  });
  // a leading ** stands for the first segment(s), so the path's leading "" segment is part of it
  return new RegExp(`^${src}$`);
}

function compiled(pattern: string): PathMatcher {
  const m = compilePathPattern(pattern);
  if (typeof m === "string") throw new Error(`${pattern}: ${m}`);
  return m;
}

describe("fault path patterns [emulator-only]", () => {
  it("match exact paths, * within one segment and ** across any number of segments", () => {
    const cases: [string, string, boolean][] = [
      ["/us/v1/projects/P/contacts", "/us/v1/projects/P/contacts", true],
      ["/us/v1/projects/P/contacts", "/us/v1/projects/P/contacts/x", false],
      ["/v1/projects/*/contacts", "/v1/projects/P/contacts", true],
      ["/v1/projects/*/contacts", "/v1/projects/P/Q/contacts", false],
      ["/v1/projects/*/contacts:*", "/v1/projects/P/contacts:getChannelProfile", true],
      ["/v1/**", "/v1", true],
      ["/v1/**", "/v1/projects/P/apps", true],
      ["/**/webhooks/*", "/us/v1/projects/P/webhooks/W", true],
      ["/**/webhooks/*", "/us/v1/projects/P/webhooks", false],
      ["**/contacts", "/us/v1/projects/P/contacts", true],
      ["**", "/anything/at/all", true],
      ["*", "/anything", true],
      ["/us/**/a/**/b", "/us/a/b", true],
      ["/us/**/a/**/b", "/us/b/a", false],
    ];
    for (const [pattern, path, expected] of cases) expect([pattern, path, compiled(pattern)(path)]).toEqual([pattern, path, expected]);
  });

  it("agree with a regular-expression reading of the same language on generated patterns and paths", () => {
    const rnd = new Random(20240607);
    const segment = (): string => rnd.string(rnd.int(0, 3), "ab*");
    for (let i = 0; i < 3000; i++) {
      const parts = Array.from({ length: rnd.int(1, 5) }, () => (rnd.chance(0.25) ? "**" : segment().replace(/\*\*+/g, "*")));
      const pattern = `/${parts.join("/")}`;
      const path = `/${Array.from({ length: rnd.int(0, 6) }, () => rnd.string(rnd.int(0, 3), "ab")).join("/")}`;
      expect([pattern, path, compiled(pattern)(path)]).toEqual([pattern, path, reference(pattern).test(path)]);
    }
  });

  it("reads a path parameter in braces, as the API's documentation writes paths, as one segment", () => {
    const contact = compiled("/v1/projects/{project_id}/contacts/{contact_id}");
    expect(contact("/v1/projects/p1/contacts/c9")).toBe(true);
    expect(contact("/v1/projects/p1/contacts")).toBe(false);
    expect(contact("/v1/projects/p1/contacts/c9/channels")).toBe(false);
    expect(compiled("/v1/projects/{project}/contacts/{id}:merge")("/v1/projects/p/contacts/c:merge")).toBe(true);
    // two parameters in one segment are still one segment, not **
    for (const pattern of ["/v1/{a}{b}/x", "/v1/*{b}/x"]) {
      expect(compiled(pattern)("/v1/q/x")).toBe(true);
      expect(compiled(pattern)("/v1/q/r/x")).toBe(false);
    }
  });

  it("refuses regular expressions and malformed patterns with what to write instead", () => {
    expect(compilePathPattern("^/us/v1/.*/webhooks/")).toMatch(/regular expressions are not accepted.*\*\* for any number of segments/);
    expect(compilePathPattern("v1/contacts")).toMatch(/starts with \//);
    expect(compilePathPattern("/v1/a**b")).toMatch(/\*\* stands alone/);
    expect(compilePathPattern(`/${"a/".repeat(70)}`)).toMatch(/at most 64 segments/);
  });

  it("matches in one pass where a backtracking matcher would take exponential time", () => {
    // ** a ** a ** ... b against a long run of a's is the classic blow-up of backtracking globs and regexes
    const pattern = `${"/**/a".repeat(30)}/**/b`;
    const path = `/${Array.from({ length: 5000 }, () => "a").join("/")}`;
    expect(compiled(pattern)(path)).toBe(false);
    expect(compiled(pattern)(`${path}/b`)).toBe(true);
    const star = `/${"*a".repeat(30)}b`;
    expect(compiled(star)(`/${"a".repeat(5000)}`)).toBe(false);
  });
});
