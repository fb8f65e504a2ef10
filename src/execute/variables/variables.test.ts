import { compileJson, compileText, compileValue, renderJson, renderJsonValue, renderText, resolveValue, VariableScope } from ".";

function scopeWith(): VariableScope {
  const scope = new VariableScope({ PROJECT: "p1", REGION: "us", SHARED: "run" }, new Map([["APP", "app-1"], ["SHARED", "export"]]));
  scope.suite.set("PHONE", "+4670");
  scope.captures.set("COUNT", 3);
  scope.captures.set("FLAG", false);
  scope.captures.set("OBJ", { a: [1] });
  return scope;
}

describe("templates", () => {
  it("renders literal and variable parts", () => {
    const r = scopeWith().resolver();
    expect(renderText(compileText("{{ PROJECT }}/x/{{APP}}?n={{COUNT}}"), r)).toBe("p1/x/app-1?n=3");
    expect(compileText("plain").literal).toBe("plain");
    expect(r.missing).toEqual([]);
  });

  it("collects unresolved names", () => {
    const r = scopeWith().resolver();
    renderText(compileText("{{NOPE}}-{{PROJECT}}-{{ALSO_NOPE}}"), r);
    expect(r.missing).toEqual(["NOPE", "ALSO_NOPE"]);
  });

  it("applies precedence run < template < suite < exports < captures", () => {
    const scope = scopeWith();
    expect(scope.lookup("SHARED")).toBe("export");
    expect(scope.lookup("REGION", { REGION: "tmpl" })).toBe("tmpl");
    expect(scope.lookup("REGION", { REGION: "" })).toBe("us");
    scope.suite.set("REGION", "suite");
    expect(scope.lookup("REGION", { REGION: "tmpl" })).toBe("suite");
    scope.captures.set("SHARED", "capture");
    expect(scope.lookup("SHARED")).toBe("capture");
  });

  it("produces fresh dynamic values", () => {
    const r = scopeWith().resolver();
    const guid = compileText("{{$guid}}");
    const a = renderText(guid, r);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(renderText(guid, r)).not.toBe(a);
    expect(Number(renderText(compileText("{{$randomInt}}"), r))).toBeGreaterThanOrEqual(0);
    expect(renderText(compileText("{{$timestamp}}"), r)).toMatch(/^\d{10}$/);
    expect(new Date(renderText(compileText("{{$isoTimestamp}}"), r)).getTime()).not.toBeNaN();
  });
});

describe("JSON bodies", () => {
  it("serializes once and keeps capture types for exact placeholders", () => {
    const body = { n: "{{COUNT}}", f: "{{FLAG}}", o: "{{OBJ}}", s: "x{{COUNT}}", deep: [{ "{{APP}}": "{{PHONE}}" }], k: 1 };
    const compiled = compileJson(body);
    const r = scopeWith().resolver();
    expect(JSON.parse(renderJson(compiled, r))).toEqual({ n: 3, f: false, o: { a: [1] }, s: "x3", deep: [{ "app-1": "+4670" }], k: 1 });
    expect(r.missing).toEqual([]);
  });

  it("is a literal when nothing is templated", () => {
    const compiled = compileJson({ a: [1, "two", null], b: { c: true } });
    expect(compiled.literal).toBe('{"a":[1,"two",null],"b":{"c":true}}');
  });

  it("reports an unresolved body variable", () => {
    const r = scopeWith().resolver();
    renderJson(compileJson({ id: "{{CONTACT}}" }), r);
    expect(r.missing).toEqual(["CONTACT"]);
  });

  it("resolves matcher arguments deeply", () => {
    const r = scopeWith().resolver();
    expect(resolveValue(compileValue({ one_of: ["{{COUNT}}", "{{APP}}"] }), r)).toEqual({ one_of: [3, "app-1"] });
    expect(resolveValue(compileValue([1, "a"]), r)).toEqual([1, "a"]);
  });
});

describe("suite variables", () => {
  it("resolve once at suite start, or later when they refer to a capture", () => {
    const scope = new VariableScope({ BASE_URL: "http://h" }, new Map());
    scope.setSuiteVariables({ NAME: "QA {{$randomInt}}", URL: "{{BASE_URL}}/c/{{CONTACT}}", SELF: "{{SELF}}" });
    const name = scope.lookup("NAME");
    expect(name).toMatch(/^QA \d+$/);
    expect(scope.lookup("NAME")).toBe(name);
    expect(scope.lookup("URL")).toBeUndefined();
    scope.captures.set("CONTACT", "C1");
    expect(scope.lookup("URL")).toBe("http://h/c/C1");
    expect(scope.lookup("SELF")).toBeUndefined();
  });
});

describe("one-pass JSON rendering", () => {
  it("matches compile + render, keeping capture types", () => {
    const body = { n: "{{COUNT}}", s: "x{{APP}}", list: [1, "{{FLAG}}", { "{{APP}}": null }], skip: undefined };
    const r1 = scopeWith().resolver();
    const r2 = scopeWith().resolver();
    expect(renderJsonValue(body, r1)).toBe(renderJson(compileJson(body), r2));
    expect(JSON.parse(renderJsonValue(body, scopeWith().resolver()))).toEqual({ n: 3, s: "xapp-1", list: [1, false, { "app-1": null }] });
  });
});
