import type { OperationRef } from "../../model";
import { REGIONS } from "../../vocabulary/regions";
import { servedPaths } from "../http/operation-routes";
import type { Random } from "./random";
import { brokenJson, deepJson, fuzzString, fuzzValue, mutate, withDeepValue } from "./fuzz-values";

/** One generated request. */
export interface FuzzRequest {
  method: string;
  /** path and query */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the generator knows of the emulator under test: its operations, real ids, credentials and seed bodies. */
export interface FuzzWorld {
  operations: OperationRef[];
  projectId: string;
  /** ids of resources that exist by the collection's variable names (APP, CONTACT, ...), so that some requests get past the 404 */
  ids: Record<string, string>;
  bearer: Record<string, string>;
  basic: string;
  /** a valid body per operation id, with {{VARIABLES}} left in */
  seedBodies: Record<string, string>;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const QUERY_KEYS = ["page_size", "page_token", "update_mask", "update_mask.paths", "messages_source", "only_active", "app_id", "contact_id",
  "channel", "request_id", "start_time", "end_time", "view", "language_code", "filter", "order_by", "conversation_id", "metadata_update_strategy"];
const CONTENT_TYPES = ["application/json", "application/json", "application/x-www-form-urlencoded", "text/plain", "application/json; charset=utf-16", "multipart/form-data; boundary=x"];
const ADMIN_PATHS = ["/faults", "/changes", "/inbound", "/callbacks", "/state", "/health", "/reset", "/nothing", "/changes/01HZZZZZZZZZZZZZZZZZZZZZZZ"];

/** encodeURIComponent for any string: a lone surrogate (which it refuses) is replaced first */
function encode(value: string): string {
  return encodeURIComponent(value.replace(/\p{Cs}/gu, "?"));
}

/** The collection variable each path parameter takes its id from. */
const PARAM_VARIABLES: Record<string, string> = {
  app_id: "APP", contact_id: "CONTACT", conversation_id: "CONVERSATION", webhook_id: "WEBHOOK_ID", message_id: "MESSAGE",
  event_id: "EVENT", template_id: "TEMPLATE",
};

/** Mostly the right id for the variable, sometimes another resource's id, sometimes anything. */
function idOf(rnd: Random, world: FuzzWorld, variable: string | undefined): string {
  const right = variable === undefined ? undefined : world.ids[variable];
  if (right !== undefined && rnd.chance(0.7)) return right;
  return rnd.chance(0.3) ? rnd.pick(Object.values(world.ids)) : fuzzString(rnd);
}

function idFor(rnd: Random, world: FuzzWorld, param: string): string {
  if (param === "project_id") return rnd.chance(0.85) ? world.projectId : fuzzString(rnd);
  return idOf(rnd, world, PARAM_VARIABLES[param]);
}

function fillPath(rnd: Random, world: FuzzWorld, template: string): string {
  return template.replace(/\{([a-z_]+)\}/g, (_m, param: string) => {
    const value = idFor(rnd, world, param);
    // mostly encoded as a client would; sometimes raw, bad escapes and all
    return rnd.chance(0.8) ? encode(value) : value.replace(/[\s?#\u0000-\u001f\u007f-\uffff]/g, "_");
  });
}

function fuzzQuery(rnd: Random): string {
  if (rnd.chance(0.5)) return "";
  const parts: string[] = [];
  for (let n = rnd.int(1, 4); n > 0; n--) {
    const key = rnd.chance(0.8) ? rnd.pick(QUERY_KEYS) : fuzzString(rnd).slice(0, 50);
    const value = rnd.pick([String(rnd.pick([0, -1, 1, 20, 21, 1e9, 1.5])), "true", "", fuzzString(rnd).slice(0, 2000)]);
    parts.push(`${encode(key)}=${rnd.chance(0.9) ? encode(value) : "%E0%A4%A"}`);
  }
  return `?${parts.join("&")}`;
}

function fuzzHeaders(rnd: Random, world: FuzzWorld, region: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const auth = rnd.int(0, 9);
  if (auth < 6) headers.authorization = `Bearer ${world.bearer[region] ?? world.bearer.us}`;
  else if (auth === 6) headers.authorization = world.basic;
  else if (auth === 7) headers.authorization = `Bearer ${fuzzString(rnd).replace(/[^\x21-\x7e]/g, "x").slice(0, 4000)}`;
  else if (auth === 8) headers.authorization = rnd.pick(["Basic", "Basic !!!", `Basic ${Buffer.from(fuzzString(rnd)).toString("base64")}`, "Bearer"]);
  if (rnd.chance(0.3)) headers[`x-${rnd.string(rnd.int(1, 20), "abcdef-")}`] = rnd.string(rnd.int(0, 200), "abc 123;=,");
  return headers;
}

/** The operation's valid body (ids filled in), parsed; undefined when it has none. */
function seedValue(rnd: Random, world: FuzzWorld, op: OperationRef): unknown {
  const seed = world.seedBodies[op.id];
  if (!seed) return undefined;
  const text = seed.replace(/\{\{(\w+)\}\}/g, (_m, variable: string) => idOf(rnd, world, variable).replace(/["\\]/g, ""));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A body: a mutated valid one, a random JSON value, broken or deeply nested JSON, a form, or none. */
function fuzzBody(rnd: Random, world: FuzzWorld, op: OperationRef | undefined): string | undefined {
  const kind = rnd.int(0, 10);
  const seed = op ? seedValue(rnd, world, op) : undefined;
  if (kind <= 3 && seed !== undefined) return JSON.stringify(rnd.chance(0.8) ? mutate(rnd, seed) : seed);
  if (kind <= 5) return JSON.stringify(fuzzValue(rnd));
  if (kind === 6) return brokenJson(rnd);
  const deep = deepJson(rnd, rnd.pick([50, 99, 101, 2000, 200_000]));
  if (kind === 7) return deep;
  if (kind === 10) return seed === undefined ? deep : withDeepValue(rnd, seed, deep);
  if (kind === 8) return `grant_type=${encode(fuzzString(rnd))}&client_id=${encode(fuzzString(rnd))}`;
  return undefined;
}

function withBody(rnd: Random, request: FuzzRequest, body: string | undefined): FuzzRequest {
  if (body === undefined || request.method === "GET" || request.method === "HEAD") return request;
  return { ...request, body, headers: { ...request.headers, "content-type": rnd.pick(CONTENT_TYPES) } };
}

function adminRequest(rnd: Random, world: FuzzWorld): FuzzRequest {
  const path = rnd.pick(ADMIN_PATHS);
  const method = rnd.chance(0.7) ? rnd.pick(["POST", "GET", "DELETE"]) : rnd.pick(METHODS);
  const request = { method, url: `/_emulator${path}${fuzzQuery(rnd)}`, headers: {} };
  return withBody(rnd, request, rnd.chance(0.3) ? JSON.stringify({ path: "/none", action: fuzzValue(rnd) }) : fuzzBody(rnd, world, undefined));
}

/** A random request to any endpoint of the emulator: an operation of the contract (mostly), the admin API or nowhere. */
export function fuzzRequest(rnd: Random, world: FuzzWorld): FuzzRequest {
  const where = rnd.int(0, 19);
  if (where === 0) return adminRequest(rnd, world);
  const region = rnd.chance(0.9) ? rnd.pick(REGIONS) : fuzzString(rnd).replace(/[/?#%\s]/g, "").slice(0, 30);
  const op = rnd.pick(world.operations);
  const template = where === 1 ? `/${encode(fuzzString(rnd).slice(0, 40))}` : rnd.pick(servedPaths(op));
  const method = rnd.chance(0.8) ? op.method : rnd.pick(METHODS);
  const request = { method, url: `/${encode(region)}${fillPath(rnd, world, template)}${fuzzQuery(rnd)}`, headers: fuzzHeaders(rnd, world, region) };
  return withBody(rnd, request, fuzzBody(rnd, world, op));
}
