import { ApiError, notFound } from "../errors";
import { enumParam, one, type Query } from "../query";
import { adminInput } from "./admin-input";
import type { Runtime } from "../runtime";
import type { Json } from "../store/types";
import { simulateInbound } from "./inbound";
import { channelEvent, setCallbackFormat, smartConversation } from "./notifications";

/** One admin request, already parsed. */
export interface AdminRequest {
  method: string;
  /** path after /_emulator */
  path: string;
  query: Query;
  body: unknown;
}

/** Reset state, pending timers, callbacks and faults. */
export function resetRuntime(rt: Runtime): void {
  rt.timers.clear();
  rt.callbacks.reset();
  rt.faults.clear();
  rt.changes.clear();
  rt.world.reset();
}

const DELIVERY_STATES = ["pending", "delivered", "failed", "cancelled"] as const;

function callbacks(rt: Runtime, q: Query): Json {
  const appId = one(q, "app_id");
  const trigger = one(q, "trigger");
  const state = enumParam(q, "state", DELIVERY_STATES);
  const entries = rt.callbacks
    .entries()
    .filter((e) => (!appId || e.app_id === appId) && (!trigger || e.trigger === trigger) && (!state || e.state === state));
  return { callbacks: entries, pending: rt.callbacks.pendingCount() };
}

type Handler = (rt: Runtime, req: AdminRequest) => Json;

/** A route that takes no body: anything but nothing or {} is a 400 rather than silently ignored. */
function bodiless(run: (rt: Runtime) => Json): Handler {
  return (rt, req) => {
    adminInput(req.body, []);
    return run(rt);
  };
}

const HANDLERS: Record<string, Handler> = {
  "POST /reset": bodiless((rt) => (resetRuntime(rt), {})),
  "GET /state": (rt) => ({ ...rt.world.state(), pending_callbacks: rt.callbacks.pendingCount(), pending_timers: rt.timers.size }),
  "GET /entities": (rt) => ({ entities: rt.world.entities() }),
  "GET /faults": (rt) => ({ faults: rt.faults.list() }),
  "POST /faults": (rt, req) => ({ ...rt.faults.add(req.body) }),
  "DELETE /faults": bodiless((rt) => (rt.faults.clear(), {})),
  "GET /changes": (rt) => ({ changes: rt.changes.list() }),
  "POST /changes": (rt, req) => ({ ...rt.changes.add(req.body) }),
  "DELETE /changes": bodiless((rt) => (rt.changes.clear(), {})),
  "POST /inbound": (rt, req) => simulateInbound(rt, req.body),
  "POST /channel-event": (rt, req) => channelEvent(rt, req.body),
  "POST /smart-conversation": (rt, req) => smartConversation(rt, req.body),
  "POST /callback-format": (rt, req) => setCallbackFormat(rt, req.body),
  "GET /callback-format": (rt) => ({ default: rt.options.callbackFormat, webhooks: rt.callbacks.formats.list() }),
  "GET /callbacks": (rt, req) => callbacks(rt, req.query),
  "GET /health": () => ({ status: "ok" }),
};

/** DELETE /changes/{id}: remove one API change. */
function removeChange(rt: Runtime, id: string): Json {
  if (!rt.changes.remove(id)) throw notFound("Change", id.slice(0, 100));
  return {};
}

/** Dispatch an admin request; unknown paths are a 404, known paths with another method a 405. */
export function handleAdmin(rt: Runtime, req: AdminRequest): { status: number; body: Json } {
  const path = req.path.replace(/\/+$/, "") || "/";
  const handler = HANDLERS[`${req.method} ${path}`];
  if (handler) return { status: 200, body: handler(rt, req) };
  const changeId = /^\/changes\/([^/]+)$/.exec(path)?.[1];
  if (changeId !== undefined) {
    if (req.method === "DELETE") return { status: 200, body: bodiless((r) => removeChange(r, changeId))(rt, req) };
    throw new ApiError(405, `Method ${req.method} is not allowed on /_emulator${path}`, [], { allow: "DELETE" });
  }
  if (Object.keys(HANDLERS).some((k) => k.endsWith(` ${path}`))) throw new ApiError(405, `Method ${req.method} is not allowed on /_emulator${path}`);
  throw new ApiError(404, `No admin route /_emulator${path}`);
}
