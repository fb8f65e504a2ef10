import type { Region } from "./options";
import type { Query } from "./query";
import type { Runtime } from "./runtime";
import type { ProjectStore } from "./store/project-store";
import type { Json } from "./store/types";

/** Everything a route handler gets. */
export interface RouteContext {
  rt: Runtime;
  region: Region;
  projectId: string;
  params: Record<string, string>;
  query: Query;
  body: Json;
  store: ProjectStore;
}

/** One API operation the emulator serves. */
export interface RouteDef {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** path template after the host prefix, e.g. /v1/projects/{project_id}/contacts/{contact_id}:merge */
  path: string;
  /** request body schema name (validated before the handler runs) */
  request?: string;
  /** schema of the 200 reply */
  response: string;
  handler(ctx: RouteContext): Json | Promise<Json>;
}

interface Compiled {
  def: RouteDef;
  re: RegExp;
  names: string[];
}

/** The result of matching a method and path. */
export type RouteMatch =
  | { kind: "found"; def: RouteDef; params: Record<string, string> }
  | { kind: "method"; allowed: string[] }
  | { kind: "none" };

/** Matches path templates with {params} (which never contain "/" or ":") to routes. */
export class Router {
  private readonly routes: Compiled[] = [];

  constructor(defs: RouteDef[]) {
    for (const def of defs) {
      const names: string[] = [];
      const src = def.path
        .split(/(\{[a-z_]+\})/)
        .map((part) => {
          const m = /^\{([a-z_]+)\}$/.exec(part);
          if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(m[1] as string);
          return "([^/:]+)";
        })
        .join("");
      this.routes.push({ def, re: new RegExp(`^${src}$`), names });
    }
  }

  /** Find the route; "method" when the path exists with other methods. */
  match(method: string, path: string): RouteMatch {
    const allowed: string[] = [];
    for (const r of this.routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      if (r.def.method !== method) {
        allowed.push(r.def.method);
        continue;
      }
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = safeDecode(m[i + 1] as string)));
      return { kind: "found", def: r.def, params };
    }
    return allowed.length ? { kind: "method", allowed } : { kind: "none" };
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
