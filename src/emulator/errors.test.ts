import { Readable } from "node:stream";
import { request } from "undici";
import { startHarness, type Harness } from "./testing/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.problems).toEqual([]);
});

describe("error envelope for every bad input [docs: §8]", () => {
  it("bad JSON -> 400 INVALID_ARGUMENT [fixture: error-response-invalid-argument-minimal.json]", async () => {
    const r = await h.api("POST", "/contacts", { raw: "{not json", contentType: "application/json" });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
  });

  it("a JSON array or a non-JSON content type -> 400, never 415 or 500", async () => {
    expect((await h.api("POST", "/contacts", { raw: "[1,2]" })).status).toBe(400);
    expect((await h.api("POST", "/contacts", { raw: "hello", contentType: "text/plain" })).status).toBe(400);
  });

  it("schema violations become google.rpc.BadRequest field_violations [fixture: error-response-invalid-argument-field-violation.json]", async () => {
    const r = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "NOPE", identity: "1" }] } });
    expect(r.status).toBe(400);
    const d = r.body.error.details[0];
    expect(d["@type"]).toBe("type.googleapis.com/google.rpc.BadRequest");
    const fields = d.field_violations.map((v: { field: string }) => v.field);
    expect(fields).toEqual(expect.arrayContaining(["language", "channel_identities[0].channel"]));
  });

  it("oversized body -> 413 with the envelope [emulator-only]", async () => {
    const r = await h.api("POST", "/contacts", { raw: JSON.stringify({ display_name: "x".repeat(70 * 1024) }) });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe(413);
  });

  it("oversized chunked body (no content-length) -> 413 with the envelope, and the connection still serves [emulator-only]", async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.from(`"${"y".repeat(4094)}",`));
    const res = await request(`${h.emu.info.regions.us.baseUrl}/v1/projects/${h.project}/contacts`, {
      method: "POST", body: Readable.from(chunks),
      headers: { authorization: `Bearer ${await h.token()}`, "content-type": "application/json" },
    });
    expect(res.headers["content-length"]).toBeDefined();
    expect(res.statusCode).toBe(413);
    expect(((await res.body.json()) as { error: { status: string } }).error.status).toBe("INVALID_ARGUMENT");
    expect((await h.api("GET", "/contacts")).status).toBe(200);
  });

  it("HEAD is answered as GET, without a body [emulator-only]", async () => {
    const r = await h.api("HEAD", "/contacts");
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
    expect(Number(r.headers["content-length"])).toBeGreaterThan(0);
  });

  it("unknown route -> 404, wrong method -> 405 with Allow, unknown region -> 404 [docs: §1]", async () => {
    const unknown = await h.api("GET", "/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.status).toBe("NOT_FOUND");
    const wrong = await h.api("PUT", "/contacts");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toContain("GET");
    expect((await h.raw("GET", `/ap/v1/projects/${h.project}/apps`)).status).toBe(404);
    expect((await h.raw("GET", "/")).status).toBe(404);
    expect((await h.raw("GET", "/us/auth/oauth2/token")).status).toBe(405);
  });

  it("a URL with bad percent-encoding -> 400 with the envelope [emulator-only]", async () => {
    const r = await h.raw("GET", "/us/v1/projects/%zz/apps");
    expect(r.status).toBe(400);
    expect(r.body.error.status).toBe("INVALID_ARGUMENT");
  });

  it("accepts %3A for the colon of custom methods [docs: §3]", async () => {
    const r = await h.raw("GET", `/us/v1/projects/${h.project}/contacts%3AidentityConflicts`);
    expect(r.status).toBe(200);
  });
});
