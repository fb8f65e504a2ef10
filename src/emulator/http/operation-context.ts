import type { IncomingHttpHeaders } from "node:http";
import { REGIONS, type GLOBAL_TOKEN_SCOPE, type Region } from "../../vocabulary/regions";
import type { OperationContext } from "../operations/handler";
import type { Query } from "../query";
import type { Runtime } from "../runtime";
import type { ProjectStore } from "../store/project-store";
import type { Json } from "../store/types";

/** What the server knows of a routed request when it runs the operation's handler. */
export interface ContextInput {
  rt: Runtime;
  operationId: string;
  /** the path's region; undefined only on the global token endpoint */
  region: Region | undefined;
  tokenScope: Region | typeof GLOBAL_TOKEN_SCOPE;
  projectId: string;
  params: Record<string, string>;
  query: Query;
  body: Json;
  headers: IncomingHttpHeaders;
  origin: string;
}

/**
 * A handler's context. A class, so that `store` is a getter on the prototype: an object literal with a getter costs
 * microseconds to build, on every request.
 */
export class RequestContext implements OperationContext {
  readonly rt: Runtime;
  readonly region: Region;
  readonly tokenScope: Region | typeof GLOBAL_TOKEN_SCOPE;
  readonly projectId: string;
  readonly params: Record<string, string>;
  readonly query: Query;
  readonly body: Json;
  readonly headers: IncomingHttpHeaders;
  readonly origin: string;
  private readonly storeRegion: Region | undefined;
  private readonly operationId: string;

  constructor(input: ContextInput) {
    this.rt = input.rt;
    // on the global token endpoint, which has none, the first region: its handler uses tokenScope
    this.region = input.region ?? REGIONS[0];
    this.tokenScope = input.tokenScope;
    this.projectId = input.projectId;
    this.params = input.params;
    this.query = input.query;
    this.body = input.body;
    this.headers = input.headers;
    this.origin = input.origin;
    this.storeRegion = input.region;
    this.operationId = input.operationId;
  }

  /** the project's state in this region (created on first use) */
  get store(): ProjectStore {
    if (!this.storeRegion) throw new Error(`${this.operationId} has no region, so no store`);
    return this.rt.world.project(this.storeRegion, this.projectId);
  }
}
