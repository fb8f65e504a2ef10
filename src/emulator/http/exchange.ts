import type { IncomingMessage, ServerResponse } from "node:http";
import type { OperationRef } from "../../model";
import type { Runtime } from "../runtime";

/** One request on its way through the server, and what the server has learnt about it so far. */
export interface Exchange {
  rt: Runtime;
  req: IncomingMessage;
  res: ServerResponse;
  /** a fault asked to treat this request's token as expired */
  expireToken: boolean;
  /** the operation the request was routed to: its reply schemas apply from then on */
  op?: OperationRef;
}
