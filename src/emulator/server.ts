import fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import formbody from "@fastify/formbody";
import { handleAdmin } from "./admin/admin-routes";
import { authorize } from "./auth/guard";
import { issueToken } from "./auth/token-endpoint";
import { ApiError, invalidArgument } from "./errors";
import { applyFault } from "./fault-hook";
import { isRegion, type Region } from "./options";
import type { Query } from "./query";
import { Router } from "./router";
import { conversationRoutes, templateRoutes } from "./routes";
import type { Runtime } from "./runtime";
import type { Json } from "./store/types";
import { validateRequestBody } from "./validation";

/** Per-request facts decided before the body is read. */
export interface RequestFlags {
  faulted: boolean;
  expireToken: boolean;
}

const flags = new WeakMap<FastifyRequest, RequestFlags>();

/** The flags of a request (created on first use). */
export function requestFlags(req: FastifyRequest): RequestFlags {
  let f = flags.get(req);
  if (!f) {
    f = { faulted: false, expireToken: false };
    flags.set(req, f);
  }
  return f;
}

/** Split "/us/v1/..." into the region (or "_emulator") and the rest, with %3A read as ":". */
export function splitPath(rawUrl: string): { head: string; rest: string; pathname: string } {
  const pathname = (rawUrl.split("?")[0] ?? "/").replace(/%3A/gi, ":");
  const m = /^\/([^/]*)(\/.*)?$/.exec(pathname);
  return { head: m?.[1] ?? "", rest: m?.[2] ?? "", pathname };
}

function send(rt: Runtime, req: FastifyRequest, reply: FastifyReply, status: number, body: unknown, schema?: string): FastifyReply {
  if (schema && !requestFlags(req).faulted) {
    rt.checkBody({ method: req.method, url: req.url, status }, schema, body);
  }
  // serialized here, at once: GET handlers may therefore return stored objects without copying them
  return reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify(body));
}

function sendError(rt: Runtime, req: FastifyRequest, reply: FastifyReply, err: ApiError): FastifyReply {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return send(rt, req, reply, err.code, err.envelope(), "error");
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === "FST_ERR_CTP_BODY_TOO_LARGE") return new ApiError(413, "Request body is too large.");
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError(e.statusCode, e.message ?? "Bad request");
  }
  return new ApiError(500, "Internal error.");
}

/** Build the fastify app: one catch-all route that dispatches regions, hosts and admin itself. */
export async function buildServer(rt: Runtime): Promise<FastifyInstance> {
  const app = fastify({
    logger: rt.options.logger,
    bodyLimit: rt.options.bodyLimit,
    forceCloseConnections: true,
    // fastify's own URL errors (bad percent-encoding) get the envelope too
    frameworkErrors: (_err, req, reply) => sendError(rt, req, reply, new ApiError(400, "The URL is not valid.")),
  });
  await app.register(formbody);
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalidArgument([{ field: "body", description: "not valid JSON" }], "Invalid JSON payload received."), undefined);
    }
  });
  const conversation = new Router(conversationRoutes);
  const template = new Router(templateRoutes);

  app.addHook("onRequest", async (req, reply) => {
    const { head, pathname } = splitPath(req.url);
    if (head === "_emulator") return undefined;
    return applyFault({ rt, req, reply, pathname, region: isRegion(head) ? head : undefined, flags: requestFlags(req) });
  });

  app.setErrorHandler((err, req, reply) => sendError(rt, req, reply, toApiError(err)));
  app.setNotFoundHandler((req, reply) => sendError(rt, req, reply, new ApiError(404, `No route for ${req.method} ${splitPath(req.url).pathname}`)));

  app.all("/*", async (req, reply) => {
    const { head, rest, pathname } = splitPath(req.url);
    const query = req.query as Query;
    if (head === "_emulator") {
      const r = await handleAdmin(rt, { method: req.method, path: rest, query, body: req.body });
      return send(rt, req, reply, r.status, r.body);
    }
    if (!isRegion(head)) throw new ApiError(404, `Unknown region or path: ${pathname}`);
    if (rest === "/auth/oauth2/token") return token(rt, req, reply, head);
    const isTemplate = rest.startsWith("/template/");
    const router = isTemplate ? template : conversation;
    const path = isTemplate ? rest.slice("/template".length) : rest;
    const match = router.match(req.method === "HEAD" ? "GET" : req.method, path);
    if (match.kind === "none") throw new ApiError(404, `No route for ${req.method} ${pathname}`);
    if (match.kind === "method") {
      reply.header("allow", match.allowed.join(", "));
      throw new ApiError(405, `Method ${req.method} is not allowed on ${pathname}`);
    }
    const projectId = match.params.project_id ?? "";
    authorize({
      region: head, projectId, authorization: req.headers.authorization, forceExpired: requestFlags(req).expireToken,
      jwt: rt.jwt, credentials: rt.options,
    });
    const body = bodyObject(req.body, Boolean(match.def.request));
    if (match.def.request && rt.options.validateRequests) validateRequestBody(rt.contract, match.def.request, body);
    const store = rt.world.project(head, projectId);
    const result = await match.def.handler({ rt, region: head, projectId, params: match.params, query, body, store });
    return send(rt, req, reply, 200, result, match.def.response);
  });
  return app;
}

function bodyObject(body: unknown, expectsBody: boolean): Json {
  if (body === undefined || body === null) return {};
  if (typeof body === "object" && !Array.isArray(body)) return body as Json;
  if (!expectsBody) return {};
  throw new ApiError(400, "The request body must be a JSON object.", [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", field_violations: [{ field: "body", description: "must be a JSON object" }] },
  ]);
}

function token(rt: Runtime, req: FastifyRequest, reply: FastifyReply, region: Region): FastifyReply {
  if (req.method !== "POST") {
    reply.header("allow", "POST");
    throw new ApiError(405, `Method ${req.method} is not allowed on the token endpoint`);
  }
  const origin = `${req.protocol}://${req.headers.host ?? "127.0.0.1"}`;
  const r = issueToken({
    region, authorization: req.headers.authorization, body: req.body, issuer: `${origin}/${region}/auth`,
    jwt: rt.jwt, credentials: rt.options, lifetimeSec: rt.options.tokenLifetimeSec,
  });
  if (r.status === 401) reply.header("www-authenticate", 'Basic realm="oauth2"');
  return send(rt, req, reply, r.status, r.body, r.schema);
}
