import type { IncomingMessage, ServerResponse } from "node:http";
import type { OperationRef } from "../../model";
import type { Region } from "../../vocabulary/regions";
import type { Runtime } from "../runtime";

/** One request on its way through the server, and what the server has learnt about it so far. */
export interface Exchange {
  rt: Runtime;
  req: IncomingMessage;
  res: ServerResponse;
  /** a fault asked to treat this request's token as expired */
  expireToken: boolean;
  /** the region of the path, once known: API changes apply per region */
  region?: Region;
  /** the request is for the token endpoint's host: its errors take the ORY form, not the API envelope */
  authHost?: boolean;
  /** the operation the request was routed to: its reply schemas apply from then on */
  op?: OperationRef;
  /** an API change chose the reply's status: the reply is deliberately off-contract, so the self-check skips it */
  statusChanged?: boolean;
}
