/** One segment of a path template: a literal, or a parameter with an optional literal suffix (`{contact_id}:merge`). */
type Segment = { literal: string } | { param: string; suffix: string };

interface ParamEdge<T> {
  name: string;
  suffix: string;
  node: Node<T>;
}

interface Node<T> {
  literals: Map<string, Node<T>>;
  params: ParamEdge<T>[];
  /** what the routes ending here serve, by method */
  methods: Map<string, T>;
}

/** The result of matching a method and path. */
export type RouteMatch<T> =
  | { kind: "found"; value: T; params: Record<string, string> }
  | { kind: "method"; allowed: string[] }
  | { kind: "none" };

/** A path that matched a route's template, with the raw parameter values met on the way. */
interface PathHit<T> {
  node: Node<T>;
  values: [string, string][];
}

const PARAM_SEGMENT = /^\{([a-z_]+)\}(:[A-Za-z_-]+)?$/;

function newNode<T>(): Node<T> {
  return { literals: new Map(), params: [] as ParamEdge<T>[], methods: new Map() };
}

function parseSegment(segment: string, template: string): Segment {
  const m = PARAM_SEGMENT.exec(segment);
  if (m) return { param: m[1] as string, suffix: m[2] ?? "" };
  if (/[{}]/.test(segment)) throw new Error(`unsupported path template segment "${segment}" in ${template}`);
  return { literal: segment };
}

/** The parameter's value when a segment fits `{name}suffix`; parameters never contain "/" or ":" (a colon starts a custom method). */
function paramValue(segment: string, suffix: string): string | undefined {
  if (!segment.endsWith(suffix)) return undefined;
  const value = segment.slice(0, segment.length - suffix.length);
  return value === "" || value.includes(":") ? undefined : value;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Matches paths segment by segment against templates with `{params}` (a trie: cost grows with the path, not the route count). */
export class Router<T> {
  private readonly root: Node<T> = newNode();

  /** Serve `value` for a method and a path template such as /v1/projects/{project_id}/contacts/{contact_id}:merge. */
  add(method: string, template: string, value: T): void {
    let node = this.root;
    for (const segment of template.split("/").slice(1)) node = this.child(node, parseSegment(segment, template));
    if (node.methods.has(method)) throw new Error(`two routes for ${method} ${template}`);
    node.methods.set(method, value);
  }

  /** The route for a method and path; "method" (with the allowed ones) when the path exists only with other methods. */
  match(method: string, path: string): RouteMatch<T> {
    const hits: PathHit<T>[] = [];
    this.walk(this.root, path.split("/"), 1, [], hits);
    for (const hit of hits) {
      const value = hit.node.methods.get(method);
      if (value === undefined) continue;
      const params: Record<string, string> = {};
      for (const [name, raw] of hit.values) params[name] = decode(raw);
      return { kind: "found", value, params };
    }
    const allowed = [...new Set(hits.flatMap((hit) => [...hit.node.methods.keys()]))];
    return allowed.length ? { kind: "method", allowed } : { kind: "none" };
  }

  private child(node: Node<T>, segment: Segment): Node<T> {
    if ("literal" in segment) {
      let next = node.literals.get(segment.literal);
      if (!next) node.literals.set(segment.literal, (next = newNode()));
      return next;
    }
    let edge = node.params.find((p) => p.name === segment.param && p.suffix === segment.suffix);
    if (!edge) node.params.push((edge = { name: segment.param, suffix: segment.suffix, node: newNode() }));
    return edge.node;
  }

  private walk(node: Node<T>, segments: string[], at: number, values: [string, string][], hits: PathHit<T>[]): void {
    if (at === segments.length) {
      if (node.methods.size > 0) hits.push({ node, values });
      return;
    }
    const segment = segments[at] as string;
    const literal = node.literals.get(segment);
    if (literal) this.walk(literal, segments, at + 1, values, hits);
    for (const edge of node.params) {
      const value = paramValue(segment, edge.suffix);
      if (value !== undefined) this.walk(edge.node, segments, at + 1, [...values, [edge.name, value]], hits);
    }
  }
}
