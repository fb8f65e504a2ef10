import { newId } from "./ids";
import { badField, invalidArgument } from "./errors";

/** What a fault does to the request it hits. */
export type FaultAction =
  | { status: number; retry_after?: number; message?: string }
  | { latency_ms: number }
  | { drop: true }
  | { malformed: true }
  | { expire_token: true };

/** A fault as the admin API accepts it. */
export interface FaultSpec {
  method?: string;
  path: string;
  count?: number;
  region?: string;
  action: FaultAction;
}

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

/** Exact path, glob (`*` one segment, `**` anything) or regex (a string starting with `^`). */
function compilePath(path: string): (p: string) => boolean {
  if (path.startsWith("^")) {
    const re = new RegExp(path);
    return (p) => re.test(p);
  }
  if (path.includes("*")) {
    if (/^\*+$/.test(path)) return () => true;
    const src = path
      .split("**")
      .map((part) => part.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*"))
      .join(".*");
    const re = new RegExp(`^${src}$`);
    return (p) => re.test(p);
  }
  return (p) => p === path;
}

function checkAction(a: unknown): FaultAction {
  if (!a || typeof a !== "object") throw badField("action", "action is required");
  const x = a as Record<string, unknown>;
  if (typeof x.status === "number" && x.status >= 100 && x.status <= 599) return x as FaultAction;
  if (typeof x.latency_ms === "number" && x.latency_ms >= 0) return x as FaultAction;
  if (x.drop === true || x.malformed === true || x.expire_token === true) return x as FaultAction;
  throw badField("action", "one of {status}, {latency_ms}, {drop: true}, {malformed: true}, {expire_token: true}");
}

/** Faults injected through the admin API, consumed by matching requests. */
export class FaultRegistry {
  private faults: { fault: Fault; matches: (p: string) => boolean }[] = [];

  /** Validate and register a fault; throws a 400 ApiError for a bad spec. */
  add(spec: unknown): Fault {
    const s = (spec && typeof spec === "object" ? spec : {}) as Partial<FaultSpec>;
    if (typeof s.path !== "string" || s.path === "") throw badField("path", "path is required");
    let matches: (p: string) => boolean;
    try {
      matches = compilePath(s.path);
    } catch {
      throw invalidArgument([{ field: "path", description: "not a valid regular expression" }]);
    }
    const count = s.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw badField("count", "count must be a positive integer");
    const fault: Fault = {
      id: newId(), path: s.path, count, remaining: count, hits: 0, action: checkAction(s.action),
      ...(s.method ? { method: s.method.toUpperCase() } : {}),
      ...(s.region ? { region: s.region } : {}),
    };
    this.faults.push({ fault, matches });
    return fault;
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
