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
  if (!value.includes("%")) return value; // nothing to decode: the common case skips the try
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
    const segments = path.split("/");
    // the common case in one walk that stops at the first route serving the method: no list of every hit
    const values: string[] = [];
    const value = this.find(this.root, segments, 1, method, values);
    if (value !== undefined) {
      const params: Record<string, string> = {};
      for (let i = 0; i < values.length; i += 2) params[values[i] as string] = decode(values[i + 1] as string);
      return { kind: "found", value, params };
    }
    const hits: Node<T>[] = [];
    this.walk(this.root, segments, 1, hits);
    const allowed = [...new Set(hits.flatMap((hit) => [...hit.methods.keys()]))];
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

  /**
   * The first route, in the order walk() meets them (literal segments before parameters), that serves `method`;
   * `values` holds the parameters met on the way to it (name, raw value, name, raw value, ...).
   */
  private find(node: Node<T>, segments: string[], at: number, method: string, values: string[]): T | undefined {
    if (at === segments.length) return node.methods.get(method);
    const segment = segments[at] as string;
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.find(literal, segments, at + 1, method, values);
      if (found !== undefined) return found;
    }
    for (const edge of node.params) {
      const value = paramValue(segment, edge.suffix);
      if (value === undefined) continue;
      values.push(edge.name, value);
      const found = this.find(edge.node, segments, at + 1, method, values);
      if (found !== undefined) return found;
      values.length -= 2;
    }
    return undefined;
  }

  /** Every node a path reaches that serves some method, in match order (for the 405's Allow). */
  private walk(node: Node<T>, segments: string[], at: number, hits: Node<T>[]): void {
    if (at === segments.length) {
      if (node.methods.size > 0) hits.push(node);
      return;
    }
    const segment = segments[at] as string;
    const literal = node.literals.get(segment);
    if (literal) this.walk(literal, segments, at + 1, hits);
    for (const edge of node.params) {
      if (paramValue(segment, edge.suffix) !== undefined) this.walk(edge.node, segments, at + 1, hits);
    }
  }
}
