import type { Contract, OperationRef } from "../../model";
import type { Handler, HandlerMap } from "../operations/handler";
import { Router } from "./router";

/** Where each host of the contract is served below a region: /us/v1/..., /us/template/v2/..., /us/auth/oauth2/token. */
export const HOST_PREFIXES: Readonly<Record<OperationRef["host"], string>> = { conversation: "", template: "/template", auth: "/auth" };

/**
 * Other names a Conversation API path's version segment is served under too: the introduction's /v1beta/ is today's
 * /v1/ (same handlers, same state). The template host's versions (Templates v1 and v2) have no alias.
 */
const VERSION_ALIASES: Readonly<Record<string, readonly string[]>> = { v1: ["v1beta"] };

/** An operation of the contract and the handler that serves it. */
export interface ServedOperation {
  op: OperationRef;
  handler: Handler;
}

/** The paths an operation is served at below a region: its host's prefix and its path, once per name of its version. */
export function servedPaths(op: OperationRef): string[] {
  const [, version = "", ...rest] = op.path.split("/");
  const aliases = op.host === "conversation" ? (VERSION_ALIASES[version] ?? []) : [];
  const versions = [version, ...aliases];
  return versions.map((v) => `${HOST_PREFIXES[op.host]}/${[v, ...rest].join("/")}`);
}

/** Route every operation of the contract that has a handler; method, path and schemas all come from the contract. */
export function buildRouter(contract: Contract, handlers: HandlerMap): Router<ServedOperation> {
  const router = new Router<ServedOperation>();
  for (const op of contract.operations()) {
    const handler = Object.hasOwn(handlers, op.id) ? handlers[op.id] : undefined;
    if (!handler) continue;
    for (const path of servedPaths(op)) router.add(op.method, path, { op, handler });
  }
  return router;
}
