import { FaultRegistry } from "./faults";
import { paginate } from "./paging";
import { applyMask, updateMask } from "./query";
import { Router } from "./router";
import { mergePatch } from "./routes/merge-patch";
import { pointerToField } from "./validation";
import { isUnreachable } from "./lifecycle/unreachable";

describe("paging", () => {
  it("walks a list with opaque tokens and ends with ''", () => {
    const all = Array.from({ length: 5 }, (_, i) => i);
    const p1 = paginate(all, 2, undefined);
    expect(p1.items).toEqual([0, 1]);
    expect(p1.nextPageToken).not.toMatch(/^\d+$/);
    const p3 = paginate(all, 2, paginate(all, 2, p1.nextPageToken).nextPageToken);
    expect(p3).toEqual({ items: [4], nextPageToken: "", totalSize: 5 });
    expect(() => paginate(all, 2, "x")).toThrow();
  });
});

describe("update masks", () => {
  it("reads both forms and applies them", () => {
    expect(updateMask({ update_mask: "a,b" })).toEqual(["a", "b"]);
    expect(updateMask({ "update_mask.paths": ["a", "b"] })).toEqual(["a", "b"]);
    expect(updateMask({})).toBeUndefined();
    const t: Record<string, unknown> = { a: 1, b: 2 };
    applyMask({ target: t, patch: { a: 5, b: 6 }, mask: ["a"], allowed: ["a", "b"] });
    expect(t).toEqual({ a: 5, b: 2 });
    applyMask({ target: t, patch: {}, mask: ["b"], allowed: ["a", "b"], defaults: { b: 0 } });
    expect(t).toEqual({ a: 5, b: 0 });
    expect(() => applyMask({ target: t, patch: {}, mask: ["id"], allowed: ["a"] })).toThrow();
  });
});

describe("router", () => {
  const r = new Router([
    { method: "GET", path: "/p/{id}", response: "x", handler: () => ({}) },
    { method: "POST", path: "/p/{id}:merge", response: "x", handler: () => ({}) },
  ]);
  it("tells params, custom methods and wrong methods apart", () => {
    expect(r.match("GET", "/p/abc")).toMatchObject({ kind: "found", params: { id: "abc" } });
    expect(r.match("POST", "/p/abc:merge")).toMatchObject({ kind: "found", params: { id: "abc" } });
    expect(r.match("GET", "/p/abc:merge")).toEqual({ kind: "method", allowed: ["POST"] });
    expect(r.match("GET", "/q")).toEqual({ kind: "none" });
  });
});

describe("faults", () => {
  it("consumes counts and matches exact, glob and regex paths", () => {
    const f = new FaultRegistry();
    f.add({ path: "/us/v1/x", count: 2, action: { status: 500 } });
    expect(f.take("GET", "/us/v1/x", "us")).toBeDefined();
    expect(f.take("GET", "/us/v1/x", "us")).toBeDefined();
    expect(f.take("GET", "/us/v1/x", "us")).toBeUndefined();
    f.add({ path: "/v1/*/y", method: "post", action: { drop: true } });
    expect(f.take("GET", "/eu/v1/a/y", "eu")).toBeUndefined();
    expect(f.take("POST", "/eu/v1/a/y", "eu")).toBeDefined();
    f.add({ path: "^/br/", action: { latency_ms: 1 } });
    expect(f.take("GET", "/us/v1/z", "us")).toBeUndefined();
    expect(f.take("GET", "/br/v1/z", "br")).toBeDefined();
  });
});

describe("small helpers", () => {
  it("merge patch, pointer to field, unreachable rule", () => {
    expect(mergePatch({ a: 1, b: { c: 1 } }, { a: null, b: { d: 2 } })).toEqual({ b: { c: 1, d: 2 } });
    expect(pointerToField("/channel_identities/0/channel")).toBe("channel_identities[0].channel");
    expect(isUnreachable("+15550000000")).toBe(true);
    expect(isUnreachable("+46700000001")).toBe(false);
  });
});
