import { REGIONS } from "../vocabulary/regions";
import { AdminInput } from "./admin/admin-input";
import { badField } from "./errors";
import { compilePathPattern, type PathMatcher } from "./http/path-pattern";
import { newId } from "./ids";

/** What a fault does to the request it hits. */
export type FaultAction =
  | { status: number; retry_after?: number; message?: string }
  | { latency_ms: number }
  | { drop: true }
  | { malformed: true }
  | { expire_token: true };

/** A registered fault and how often it still fires. */
export interface Fault {
  id: string;
  method?: string;
  path: string;
  region?: string;
  count: number;
  remaining: number;
  hits: number;
  action: FaultAction;
}

const ACTION_FIELDS = ["status", "retry_after", "message", "latency_ms", "drop", "malformed", "expire_token"] as const;
const ACTIONS_HELP = "one of {status, retry_after?, message?}, {latency_ms}, {drop: true}, {malformed: true}, {expire_token: true}";
/** http methods are tokens of letters; anything else could never match a request */
const METHOD = /^[A-Za-z]{1,20}$/;

function statusAction(a: AdminInput): FaultAction {
  const retryAfter = a.optionalInteger("retry_after", { min: 0, max: 86_400 });
  const message = a.optionalString("message");
  return {
    status: a.integer("status", { min: 200, max: 599 }),
    ...(retryAfter === undefined ? {} : { retry_after: retryAfter }),
    ...(message === undefined ? {} : { message }),
  };
}

function readAction(body: AdminInput): FaultAction {
  const a = body.object("action", ACTION_FIELDS);
  const kinds = ["status", "latency_ms", "drop", "malformed", "expire_token"].filter((k) => a.has(k));
  if (kinds.length !== 1) throw badField("action", `exactly one action: ${ACTIONS_HELP}`);
  if (kinds[0] !== "status" && (a.has("retry_after") || a.has("message"))) throw badField("action", "retry_after and message go with status");
  if (kinds[0] === "status") return statusAction(a);
  if (kinds[0] === "latency_ms") return { latency_ms: a.integer("latency_ms", { min: 0, max: 60_000 }) };
  if (a.flag("drop")) return { drop: true };
  if (a.flag("malformed")) return { malformed: true };
  a.flag("expire_token");
  return { expire_token: true };
}

function readMethod(body: AdminInput): string | undefined {
  const method = body.optionalString("method");
  if (method !== undefined && !METHOD.test(method)) throw badField("method", "method must be an HTTP method such as GET or POST");
  return method?.toUpperCase();
}

/** Faults injected through the admin API, consumed by matching requests. */
export class FaultRegistry {
  private faults: { fault: Fault; matches: PathMatcher }[] = [];

  /** Validate and register a fault; throws a 400 ApiError naming the field for a bad one. */
  add(spec: unknown): Fault {
    const body = new AdminInput(spec, ["method", "path", "count", "region", "action"]);
    const path = body.string("path");
    const matches = compilePathPattern(path);
    if (typeof matches === "string") throw badField("path", matches);
    const method = readMethod(body);
    const region = body.optionalEnum("region", REGIONS);
    const count = body.optionalInteger("count", { min: 1, max: 1_000_000 }) ?? 1;
    const fault: Fault = {
      id: newId(), path, count, remaining: count, hits: 0, action: readAction(body),
      ...(method ? { method } : {}),
      ...(region ? { region } : {}),
    };
    this.faults.push({ fault, matches });
    return fault;
  }

  /** No fault registered. */
  get empty(): boolean {
    return this.faults.length === 0;
  }

  /** Registered faults with their remaining counts. */
  list(): Fault[] {
    return this.faults.map((f) => f.fault);
  }

  /** Remove every fault. */
  clear(): void {
    this.faults = [];
  }

  /** The first matching fault, consumed once; paths match with or without the region prefix. */
  take(method: string, pathname: string, region: string | undefined): Fault | undefined {
    const bare = region ? pathname.slice(region.length + 1) : pathname;
    for (const f of this.faults) {
      const ft = f.fault;
      if (ft.remaining <= 0) continue;
      if (ft.method && ft.method !== method) continue;
      if (ft.region && ft.region !== region) continue;
      if (!f.matches(pathname) && !f.matches(bare)) continue;
      ft.remaining -= 1;
      ft.hits += 1;
      if (ft.remaining === 0) this.faults = this.faults.filter((x) => x !== f);
      return ft;
    }
    return undefined;
  }
}
