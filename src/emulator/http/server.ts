import { createServer, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { OperationRef } from "../../model";
import { GLOBAL_TOKEN_SCOPE, isRegion, type Region } from "../../vocabulary/regions";
import { SUITE_RUN_HEADER } from "../../vocabulary/suite-run-header";
import { handleAdmin } from "../admin/admin-routes";
import { authorize } from "../auth/guard";
import type { OperationEffects } from "../changes/change-registry";
import { ApiError } from "../errors";
import { HANDLERS } from "../operations";
import { Reply, type OperationContext } from "../operations/handler";
import type { Json } from "../store/types";
import { validateRequestBody } from "../validation";
import type { Runtime } from "../runtime";
import { bodyIgnored, readBody } from "./body";
import { answerClientError } from "./client-error";
import type { Exchange } from "./exchange";
import { applyFault, defaultMessage } from "./fault-hook";
import { RequestContext } from "./operation-context";
import { buildRouter, HOST_PREFIXES, type ServedOperation } from "./operation-routes";
import { parseTarget, type RequestTarget } from "./request-target";
import type { RouteMatch, Router } from "./router";
import { send, sendError, toApiError } from "./send";

/** fastify's default, kept: clients (the runner's undici pool) reuse a connection for a whole run */
const KEEP_ALIVE_MS = 72_000;

/** The emulator's HTTP server: admin API, token endpoints and every operation of the contract, on one port. */
export function createEmulatorServer(rt: Runtime): Server {
  const router = buildRouter(rt.contract, HANDLERS);
  const server = createServer((req, res) => serve({ rt, req, res, expireToken: false }, router));
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.on("clientError", answerClientError);
  return server;
}

/** Serve one request: at once when nothing has to be waited for (GET without faults), else when its promise settles. */
function serve(ex: Exchange, router: Router<ServedOperation>): void {
  try {
    dispatch(ex, parseTarget(ex.req.url ?? "/"), router)?.catch((e: unknown) => answerFailure(ex, e));
  } catch (e) {
    answerFailure(ex, e);
  }
}

function answerFailure(ex: Exchange, e: unknown): void {
  try {
    sendError(ex, toApiError(ex, e));
  } catch {
    ex.res.destroy(); // the error reply itself failed: end the exchange rather than leave it hanging
  }
}

/** A promise only when the request waits for something (a body, a fault, a latency): no async hop for the rest. */
function dispatch(ex: Exchange, target: RequestTarget, router: Router<ServedOperation>): Promise<void> | undefined {
  if (target.head === "_emulator") return serveAdmin(ex, target);
  const scope = scopeOf(ex, target);
  // no fault registered is the common case
  if (ex.rt.faults.empty) return serveOperation(ex, target, router, scope);
  return applyFault(ex, target.pathname, ex.region).then((answered) => (answered ? undefined : serveOperation(ex, target, router, scope)));
}

async function serveAdmin(ex: Exchange, target: RequestTarget): Promise<void> {
  const method = ex.req.method ?? "GET";
  const body = await readBody(ex.req, ex.rt.options.bodyLimit);
  const r = asOrigin(ex, () => handleAdmin(ex.rt, { method, path: target.rest, query: target.query, body }));
  send(ex, r.status, r.body);
}

function serveOperation(ex: Exchange, target: RequestTarget, router: Router<ServedOperation>, scope: Scope | undefined): Promise<void> | undefined {
  const method = ex.req.method ?? "GET";
  const { pathname } = target;
  if (!scope) throw new ApiError(404, `Unknown region or path: ${pathname}`);
  const match = route(router, method, scope === GLOBAL_TOKEN_SCOPE ? { ...target, rest: pathname } : target);
  const effects = ex.rt.changes.empty ? undefined : ex.rt.changes.effects(match.value.op.id, scope);
  // a removed operation answers exactly as a path the API never had
  if (effects?.removed) throw new ApiError(404, `No route for ${method} ${pathname}`);
  ex.op = match.value.op;
  const routed: RoutedRequest = { region: scope, params: match.params, query: target.query, body: undefined };
  if (effects?.latencyMs) return sleep(effects.latencyMs).then(() => readAndRun(ex, match.value, routed, effects));
  return readAndRun(ex, match.value, routed, effects);
}

/** Read the body (GET and HEAD have none to wait for), then run the operation and send its reply. */
function readAndRun(ex: Exchange, served: ServedOperation, routed: RoutedRequest, effects: OperationEffects | undefined): Promise<void> | undefined {
  if (bodyIgnored(ex.req)) return run(ex, served, routed, effects);
  return readBody(ex.req, ex.rt.options.bodyLimit).then((body) => run(ex, served, { ...routed, body }, effects));
}

function run(ex: Exchange, served: ServedOperation, routed: RoutedRequest, effects: OperationEffects | undefined): undefined {
  const reply = asOrigin(ex, () => runOperation(ex, served, routed, effects));
  if (reply instanceof Reply) send(ex, reply.status, reply.body, reply.headers);
  else send(ex, 200, reply);
  return undefined;
}

/**
 * The region a request is for (recorded on the exchange, with whether it is for a token host), "global" for the
 * global token endpoint (as auth.sinch.com: the auth host without a region, /auth/oauth2/token), else undefined.
 */
function scopeOf(ex: Exchange, { head, rest }: RequestTarget): Scope | undefined {
  const globalAuth = `/${head}` === HOST_PREFIXES.auth;
  ex.region = isRegion(head) ? head : undefined;
  ex.authHost = globalAuth || (ex.region !== undefined && rest.startsWith(`${HOST_PREFIXES.auth}/`));
  return globalAuth ? GLOBAL_TOKEN_SCOPE : ex.region;
}

/** The operation a method and path name; a 404 or 405 in the error envelope when there is none. */
function route(router: Router<ServedOperation>, method: string, { rest, pathname }: RequestTarget): Extract<RouteMatch<ServedOperation>, { kind: "found" }> {
  const match = router.match(method === "HEAD" ? "GET" : method, rest);
  if (match.kind === "none") throw new ApiError(404, `No route for ${method} ${pathname}`);
  if (match.kind === "method") throw new ApiError(405, `Method ${method} is not allowed on ${pathname}`, [], { allow: match.allowed.join(", ") });
  return match;
}

/** Serves a request synchronously with the world knowing which suite run sent it, so what it creates remembers its creator. */
function asOrigin<T>(ex: Exchange, serve: () => T): T {
  const origin = ex.req.headers[SUITE_RUN_HEADER];
  ex.rt.world.origin = typeof origin === "string" && origin !== "" ? origin : undefined;
  try {
    return serve();
  } finally {
    ex.rt.world.origin = undefined;
  }
}

/** The region of a request, or "global" on the global token endpoint (the only operation routed there). */
type Scope = Region | typeof GLOBAL_TOKEN_SCOPE;

/** The routed request: where it goes and what it carries. */
interface RoutedRequest {
  region: Scope;
  params: Record<string, string>;
  query: OperationContext["query"];
  body: unknown;
}

function runOperation(ex: Exchange, served: ServedOperation, r: RoutedRequest, effects: OperationEffects | undefined): Json | Reply {
  const { rt, req } = ex;
  const { op, handler } = served;
  const projectId = r.params.project_id ?? "";
  const region = r.region === GLOBAL_TOKEN_SCOPE ? undefined : r.region;
  if (op.host !== "auth") authorizeRequest(ex, { op, region, projectId });
  const body = bodyObject(r.body, op.request !== undefined);
  if (op.request !== undefined && rt.options.validateRequests) validateRequestBody(rt.contract, op.request, body);
  const changed = effects?.status;
  if (changed) ex.statusChanged = true;
  // a changed error status answers instead of the handler: a failing release changes nothing
  if (changed && changed.status >= 400) throw new ApiError(changed.status, changed.message ?? defaultMessage(changed.status));
  const reply = handler(new RequestContext({
    rt, operationId: op.id, region, tokenScope: r.region, projectId, params: r.params, query: r.query, body, headers: req.headers,
    origin: `http://${req.headers.host ?? "127.0.0.1"}`,
  }));
  if (!changed) return reply;
  return reply instanceof Reply ? new Reply(changed.status, reply.body, reply.headers) : new Reply(changed.status, reply);
}

/** The API hosts' guard (the token host has none); only the token host is served without a region. */
function authorizeRequest(ex: Exchange, r: { op: OperationRef; region: Region | undefined; projectId: string }): void {
  if (!r.region) throw new Error(`${r.op.id} was routed without a region`);
  authorize({
    region: r.region, projectId: r.projectId, authorization: ex.req.headers.authorization, forceExpired: ex.expireToken,
    jwt: ex.rt.jwt, credentials: ex.rt.options,
  });
}

function bodyObject(body: unknown, expectsBody: boolean): Json {
  if (body === undefined || body === null) return {};
  if (typeof body === "object" && !Array.isArray(body)) return body as Json;
  if (!expectsBody) return {};
  throw new ApiError(400, "The request body must be a JSON object.", [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", field_violations: [{ field: "body", description: "must be a JSON object" }] },
  ]);
}
