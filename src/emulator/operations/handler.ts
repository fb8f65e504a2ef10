import type { IncomingHttpHeaders } from "node:http";
import type { GLOBAL_TOKEN_SCOPE, Region } from "../../vocabulary/regions";
import type { Query } from "../query";
import type { Runtime } from "../runtime";
import type { ProjectStore } from "../store/project-store";
import type { Json } from "../store/types";

/** What an operation handler gets: the request, already routed, authorised and checked against its request schema. */
export interface OperationContext {
  rt: Runtime;
  /** the path's region (on the global token endpoint, which has none, the first region: its handler uses tokenScope) */
  region: Region;
  /** the path's region, or "global" on the global token endpoint: the region a token issued here is valid in */
  tokenScope: Region | typeof GLOBAL_TOKEN_SCOPE;
  /** the path's project_id ("" on the token endpoint) */
  projectId: string;
  /** the path template's parameters, decoded */
  params: Record<string, string>;
  query: Query;
  body: Json;
  /** the project's state in this region (created on first use) */
  readonly store: ProjectStore;
  headers: IncomingHttpHeaders;
  /** scheme and host the request was sent to, e.g. http://127.0.0.1:4010 */
  origin: string;
}

/** A reply with another status than 200, or with headers. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: Json,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Serves one operation: returns the 200 body (sent at once, so a stored object need not be copied), a Reply, or throws an ApiError. */
export type Handler = (ctx: OperationContext) => Json | Reply;

/** Handlers by operation id, the collection request id of schemas/operations.json ("Contacts/Create contact"). */
export type HandlerMap = Readonly<Record<string, Handler>>;
