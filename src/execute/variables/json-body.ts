import { toJsonText } from "./json-text";
import { compileText, renderText, renderValue, type CompiledText, type Resolver } from "./template";

/** A JSON value precompiled into ready JSON text with slots where variables go. */
export interface CompiledJson {
  /** the whole serialization when the value holds no variables */
  literal?: string;
  parts: Array<string | Slot>;
}

/** A templated string in the body: typed (exactly "{{X}}") or rendered to a JSON string. */
interface Slot {
  text: CompiledText;
}

/** Serialize a body once; templated strings (keys and values, at any depth) become slots. */
export function compileJson(value: unknown): CompiledJson {
  const parts: Array<string | Slot> = [];
  let buf = "";
  const emit = (v: unknown): void => {
    if (typeof v === "string") {
      const text = compileText(v);
      if (text.literal !== undefined) buf += JSON.stringify(v);
      else {
        parts.push(buf);
        buf = "";
        parts.push({ text });
      }
    } else if (Array.isArray(v)) {
      buf += "[";
      v.forEach((item, i) => {
        if (i > 0) buf += ",";
        emit(item === undefined ? null : item);
      });
      buf += "]";
    } else if (v !== null && typeof v === "object") {
      buf += "{";
      let first = true;
      for (const [key, item] of Object.entries(v)) {
        if (item === undefined) continue;
        if (!first) buf += ",";
        first = false;
        emit(key);
        buf += ":";
        emit(item);
      }
      buf += "}";
    } else buf += JSON.stringify(v ?? null);
  };
  emit(value);
  if (parts.length === 0) return { literal: buf, parts: [buf] };
  parts.push(buf);
  return { parts };
}

/** The JSON text with every slot resolved; a slot that is exactly one variable keeps its value's type. */
export function renderJson(c: CompiledJson, r: Resolver): string {
  if (c.literal !== undefined) return c.literal;
  let out = "";
  for (const part of c.parts) {
    if (typeof part === "string") out += part;
    else if (part.text.whole !== undefined) {
      const value = renderValue(part.text, r);
      out += value === undefined ? "null" : toJsonText(value);
    } else out += JSON.stringify(renderText(part.text, r));
  }
  return out;
}

/**
 * Serialize a value straight to JSON text, resolving templated strings on the way: one pass for a body
 * that is sent once (a step's own body), where compiling first would only add a second walk.
 */
export function renderJsonValue(value: unknown, r: Resolver): string {
  if (typeof value === "string") {
    if (!value.includes("{{")) return JSON.stringify(value);
    const text = compileText(value);
    if (text.whole === undefined) return JSON.stringify(renderText(text, r));
    const typed = renderValue(text, r);
    return typed === undefined ? "null" : toJsonText(typed);
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + (value[i] === undefined ? "null" : renderJsonValue(value[i], r));
    return out + "]";
  }
  if (value !== null && typeof value === "object") {
    let out = "{";
    let first = true;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      out += (first ? "" : ",") + renderJsonValue(key, r) + ":" + renderJsonValue(item, r);
      first = false;
    }
    return out + "}";
  }
  return JSON.stringify(value ?? null);
}

/** A value with templated strings anywhere, resolved to a plain value (used for matcher arguments). */
export type CompiledValue =
  | { kind: "literal"; value: unknown }
  | { kind: "text"; text: CompiledText }
  | { kind: "array"; items: CompiledValue[] }
  | { kind: "object"; entries: Array<[string, CompiledValue]> };

/** Precompile a value; subtrees without variables stay literal. */
export function compileValue(value: unknown): CompiledValue {
  if (typeof value === "string") {
    const text = compileText(value);
    return text.literal !== undefined ? { kind: "literal", value } : { kind: "text", text };
  }
  if (Array.isArray(value)) {
    const items = value.map(compileValue);
    return items.every((i) => i.kind === "literal") ? { kind: "literal", value } : { kind: "array", items };
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]): [string, CompiledValue] => [k, compileValue(v)]);
    return entries.every(([, v]) => v.kind === "literal") ? { kind: "literal", value } : { kind: "object", entries };
  }
  return { kind: "literal", value };
}

/** Resolve a compiled value; exactly-"{{X}}" strings keep X's type. */
export function resolveValue(c: CompiledValue, r: Resolver): unknown {
  switch (c.kind) {
    case "literal":
      return c.value;
    case "text":
      return renderValue(c.text, r);
    case "array":
      return c.items.map((i) => resolveValue(i, r));
    case "object":
      return Object.fromEntries(c.entries.map(([k, v]) => [k, resolveValue(v, r)]));
  }
}
