import type { Json } from "../store/types";

/** The `{}` that DELETE and :stop return. */
export function emptyReply(): Json {
  return {};
}
