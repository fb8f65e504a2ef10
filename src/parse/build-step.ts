import type { Node } from "yaml";
import type { CallbackStep, Expectation, Phase, RequestStep, RetrySpec, SourcePos, Step } from "../model";
import { compactPositions, type PositionShapes } from "./field-positions";
import { collectFieldPos, posOf, type YamlSource } from "./yaml-source";

/** Defaults the suite format promises when a key is left out. */
export const STEP_DEFAULTS = { retryAttempts: 10, retryDelayMs: 200, callbackWithinMs: 10000 } as const;

type Raw = Record<string, unknown>;

/** What building one step needs. */
export interface StepContext {
  src: YamlSource;
  phase: Phase;
  index: number;
  node: Node | undefined;
  /** the path lists of the suite's steps so far, shared by the steps' compact positions */
  shapes: PositionShapes;
}

function obj(value: unknown): Raw {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Raw) : {};
}

function strings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) out[k] = String(v);
  return out;
}

function defaultName(raw: Raw, ctx: StepContext): string {
  if (typeof raw["name"] === "string") return raw["name"];
  if (typeof raw["request"] === "string") return raw["request"];
  if (raw["method"] !== undefined && raw["url"] !== undefined) return `${String(raw["method"])} ${String(raw["url"])}`;
  const trigger = obj(raw["callback"])["trigger"];
  if (trigger !== undefined) return `callback ${String(trigger)}`;
  return `${ctx.phase}[${ctx.index}]`;
}

function buildExpect(raw: Raw): Expectation {
  const expect: Expectation = { headers: obj(raw["headers"]), body: obj(raw["body"]) };
  if (raw["status"] !== undefined) expect.status = raw["status"] as Expectation["status"];
  if (typeof raw["schema"] === "string") expect.schema = raw["schema"];
  if (typeof raw["max_duration_ms"] === "number") expect.maxDurationMs = raw["max_duration_ms"];
  return expect;
}

function buildRetry(raw: Raw): RetrySpec {
  const until = obj(raw["until"]);
  const spec: RetrySpec = {
    until: {},
    attempts: typeof raw["attempts"] === "number" ? raw["attempts"] : STEP_DEFAULTS.retryAttempts,
    delayMs: typeof raw["delay_ms"] === "number" ? raw["delay_ms"] : STEP_DEFAULTS.retryDelayMs,
  };
  if (until["status"] !== undefined) spec.until.status = until["status"] as RetrySpec["until"]["status"];
  if (until["body"] !== undefined) spec.until.body = obj(until["body"]);
  return spec;
}

function buildRequestStep(raw: Raw, base: Omit<RequestStep, "kind" | "query" | "headers" | "expect">): RequestStep {
  const step: RequestStep = {
    ...base,
    kind: "request",
    query: obj(raw["query"]),
    headers: strings(raw["headers"]),
    expect: buildExpect(obj(raw["expect"])),
  };
  if (typeof raw["request"] === "string") step.request = raw["request"];
  if (typeof raw["method"] === "string") step.method = raw["method"].toUpperCase();
  if (typeof raw["url"] === "string") step.url = raw["url"];
  if ("body" in raw) step.body = raw["body"];
  if (typeof raw["auth"] === "string") step.auth = raw["auth"] as RequestStep["auth"];
  if (raw["retry"] !== undefined) step.retry = buildRetry(obj(raw["retry"]));
  return step;
}

function buildCallbackStep(raw: Raw, base: Omit<CallbackStep, "kind" | "callback">): CallbackStep {
  const cb = obj(raw["callback"]);
  return {
    ...base,
    kind: "callback",
    callback: {
      trigger: String(cb["trigger"] ?? ""),
      match: obj(cb["match"]),
      withinMs: typeof cb["within_ms"] === "number" ? cb["within_ms"] : STEP_DEFAULTS.callbackWithinMs,
      signed: cb["signed"] === true,
    },
  };
}

/** Build one model step from its plain (already schema-valid) value and its YAML node. */
export function buildStep(value: unknown, ctx: StepContext): Step {
  const raw = obj(value);
  const positions: Record<string, SourcePos> = {};
  collectFieldPos(ctx.src, ctx.node, "", positions);
  const fieldPos = compactPositions(positions, ctx.src.file, ctx.shapes);
  const pos = posOf(ctx.src, ctx.node) ?? { file: ctx.src.file, line: 1, column: 1 };
  const base = { name: defaultName(raw, ctx), phase: ctx.phase, index: ctx.index, pos, fieldPos, capture: strings(raw["capture"]) };
  return "callback" in raw ? buildCallbackStep(raw, base) : buildRequestStep(raw, base);
}
