import { toJsonText } from "./json-text";

/** A reference to one variable inside a text. */
export interface VarRef {
  name: string;
}

/** A text split once into literal parts and variable references. */
export interface CompiledText {
  parts: Array<string | VarRef>;
  /** set when the text has no variables: render returns it as is */
  literal?: string;
  /** set when the text is exactly one "{{NAME}}": the value keeps its type in JSON bodies */
  whole?: string;
}

/** Where rendering looks names up; names it cannot find are collected in `missing`. */
export interface Resolver {
  lookup(name: string): unknown;
  missing: string[];
}

const VAR = /\{\{\s*([^{}]+?)\s*\}\}/g;
/** compiled texts are immutable, so equal texts share one; the cache is dropped when it grows large */
const cache = new Map<string, CompiledText>();
const CACHE_LIMIT = 10_000;

/** Split a text into parts once (cached by text); rendering then does no regex work. */
export function compileText(text: string): CompiledText {
  if (!text.includes("{{")) return { parts: [text], literal: text };
  let hit = cache.get(text);
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = split(text);
    cache.set(text, hit);
  }
  return hit;
}

function split(text: string): CompiledText {
  const parts: Array<string | VarRef> = [];
  let last = 0;
  for (const m of text.matchAll(VAR)) {
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push({ name: m[1]! });
    last = m.index! + m[0].length;
  }
  if (last === 0) return { parts: [text], literal: text };
  if (last < text.length) parts.push(text.slice(last));
  const only = parts.length === 1 && typeof parts[0] !== "string" ? parts[0]!.name : undefined;
  return { parts, whole: only };
}

/** Render to a string; an unknown name renders as "" and is added to r.missing. */
export function renderText(c: CompiledText, r: Resolver): string {
  if (c.literal !== undefined) return c.literal;
  let out = "";
  for (const part of c.parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const value = r.lookup(part.name);
    if (value === undefined) r.missing.push(part.name);
    else out += typeof value === "string" ? value : stringify(value);
  }
  return out;
}

/** Render keeping the value's type when the text is exactly one variable. */
export function renderValue(c: CompiledText, r: Resolver): unknown {
  if (c.whole === undefined) return renderText(c, r);
  const value = r.lookup(c.whole);
  if (value === undefined) r.missing.push(c.whole);
  return value;
}

function stringify(value: unknown): string {
  return typeof value === "object" && value !== null ? toJsonText(value) : String(value);
}
