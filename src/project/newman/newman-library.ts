import type { EventEmitter } from "node:events";

/*
 * newman ships no types; these are the parts of its programmatic API (https://github.com/postmanlabs/newman#api-reference)
 * this bridge uses. newman is a dev or optional dependency, loaded only by the `newman` command.
 */

/** A header of a postman-collection request or response. */
interface PostmanHeaders {
  toObject(): Record<string, string>;
}

/** The request newman sent, as postman-collection models it. */
export interface NewmanRequest {
  method: string;
  url: { toString(): string };
  headers: PostmanHeaders;
  body?: { toString(): string };
}

/** The response newman received. */
export interface NewmanResponse {
  code: number;
  headers: PostmanHeaders;
  responseTime: number;
  text(): string;
}

/** A collection item (a request); a request sent by a script (pm.sendRequest) comes with an item without a name. */
export interface NewmanItem {
  id?: string;
  name?: string;
}

/** What newman's `request` event carries. */
export interface RequestEvent {
  request: NewmanRequest;
  response?: NewmanResponse;
  item: NewmanItem;
}

/** A variable scope of the run (the environment), which the collection's requests resolve {{...}} against. */
export interface NewmanScope {
  set(key: string, value: string, type?: string): void;
}

/** The emitter `newman.run` returns. */
export interface NewmanRun extends EventEmitter {
  summary: { environment: NewmanScope };
}

type RunFunction = (options: Record<string, unknown>, done: (err: Error | null) => void) => NewmanRun;

/** The newman library, or a message saying it is not installed. */
export function loadNewman(): { run: RunFunction } | { missing: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("newman") as { run: RunFunction };
  } catch (e) {
    return { missing: (e as Error).message.split("\n")[0] ?? "" };
  }
}
