import { JwtSigner } from "./auth/jwt";
import { FaultRegistry } from "./faults";
import { newId } from "./ids";
import { paginate } from "./paging";
import { applyMask, updateMask } from "./query";
import { Router } from "./http/router";
import { mergePatch } from "./operations/merge-patch";
import { pointerToField } from "./validation";
import { isUnreachable } from "./lifecycle/unreachable";

describe("paging [docs: §3]", () => {
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

describe("update masks [docs: §3]", () => {
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

describe("router [emulator-only]", () => {
  const r = new Router<string>();
  r.add("GET", "/p/{id}", "get");
  r.add("DELETE", "/p/{id}", "delete");
  r.add("POST", "/p/{id}:merge", "merge");
  r.add("POST", "/p:search", "search");
  r.add("GET", "/p/{id}/items/{item}", "item");
  r.add("GET", "/p/{id}/items/special", "special");

  it("tells params, custom methods and wrong methods apart [docs: §3]", () => {
    expect(r.match("GET", "/p/abc")).toEqual({ kind: "found", value: "get", params: { id: "abc" } });
    expect(r.match("POST", "/p/abc:merge")).toEqual({ kind: "found", value: "merge", params: { id: "abc" } });
    expect(r.match("POST", "/p:search")).toEqual({ kind: "found", value: "search", params: {} });
    expect(r.match("GET", "/p/abc:merge")).toEqual({ kind: "method", allowed: ["POST"] });
    expect(r.match("PUT", "/p/abc")).toEqual({ kind: "method", allowed: ["GET", "DELETE"] });
    expect(r.match("GET", "/q")).toEqual({ kind: "none" });
  });

  it("never lets a parameter be empty or hold a colon, and decodes it", () => {
    expect(r.match("GET", "/p/")).toEqual({ kind: "none" });
    expect(r.match("GET", "/p/a:b")).toEqual({ kind: "none" });
    expect(r.match("POST", "/p/:merge")).toEqual({ kind: "none" });
    expect(r.match("GET", "/p/abc/")).toEqual({ kind: "none" });
    expect(r.match("GET", "/p/%2B4670%20x")).toMatchObject({ params: { id: "+4670 x" } });
  });

  it("prefers a literal segment to a parameter, and falls back to the parameter", () => {
    expect(r.match("GET", "/p/a/items/special")).toMatchObject({ value: "special" });
    expect(r.match("GET", "/p/a/items/other")).toMatchObject({ value: "item", params: { id: "a", item: "other" } });
  });

  it("refuses templates it cannot match and a second route for the same method and path", () => {
    expect(() => r.add("GET", "/p/{id}", "again")).toThrow(/two routes for GET \/p\/\{id\}/);
    expect(() => r.add("GET", "/p/{a}-{b}", "x")).toThrow(/unsupported path template segment/);
  });
});

describe("faults [emulator-only]", () => {
  it("consumes counts and matches exact and glob paths", () => {
    const f = new FaultRegistry();
    f.add({ path: "/us/v1/x", count: 2, action: { status: 500 } });
    expect(f.take("GET", "/us/v1/x", "us")).toBeDefined();
    expect(f.take("GET", "/us/v1/x", "us")).toBeDefined();
    expect(f.take("GET", "/us/v1/x", "us")).toBeUndefined();
    f.add({ path: "/v1/*/y", method: "post", action: { drop: true } });
    expect(f.take("GET", "/eu/v1/a/y", "eu")).toBeUndefined();
    expect(f.take("POST", "/eu/v1/a/y", "eu")).toBeDefined();
    f.add({ path: "/br/**", action: { latency_ms: 1 } });
    expect(f.take("GET", "/us/v1/z", "us")).toBeUndefined();
    expect(f.take("GET", "/br/v1/z", "br")).toBeDefined();
  });
});

describe("small helpers [emulator-only]", () => {
  it("merge patch, pointer to field, unreachable rule", () => {
    expect(mergePatch({ a: 1, b: { c: 1 } }, { a: null, b: { d: 2 } })).toEqual({ b: { c: 1, d: 2 } });
    expect(pointerToField("/channel_identities/0/channel")).toBe("channel_identities[0].channel");
    expect(isUnreachable("+15550000000")).toBe(true);
    expect(isUnreachable("+46700000001")).toBe(false);
  });
});

describe("ids [docs: §3]", () => {
  it("are 26-character Crockford ULIDs, strictly increasing, with the time in the first 10 characters", () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const ms = [...(ids[0] as string).slice(0, 10)].reduce((n, c) => n * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c), 0);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});

describe("tokens [emulator-only]", () => {
  it("verifies its own tokens (once, then from memory) and never a forged or foreign one", () => {
    const signer = new JwtSigner();
    const claims = { iss: "i", sub: "s", client_id: "c", region: "us", project_id: "p", iat: 1, exp: 2, jti: "j" };
    const token = signer.sign(claims);
    expect(signer.verify(token)).toEqual(claims);
    expect(signer.verify(token)).toEqual(claims);
    const [header, , sig] = token.split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, region: "eu" })).toString("base64url")}.${sig}`;
    expect(signer.verify(forged)).toBeUndefined();
    expect(new JwtSigner().verify(token)).toBeUndefined();
  });
});
