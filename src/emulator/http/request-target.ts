import { parse as parseQuery } from "node:querystring";
import { ApiError } from "../errors";
import type { Query } from "../query";

/** Where a request goes: "/us/v1/projects/..." is head "us" and rest "/v1/projects/...". */
export interface RequestTarget {
  /** the first path segment: a region, "_emulator", or anything else (a 404) */
  head: string;
  /** the path after the first segment */
  rest: string;
  /** the whole path, with %3A read as ":" (clients encode the colon of custom methods) */
  pathname: string;
  query: Query;
}

/** Split a request URL; a path with bad percent-encoding is a 400 in the error envelope. */
export function parseTarget(rawUrl: string): RequestTarget {
  const cut = rawUrl.indexOf("?");
  const rawPath = cut < 0 ? rawUrl : rawUrl.slice(0, cut);
  const pathname = rawPath.includes("%") ? checkedPath(rawPath) : rawPath;
  const second = pathname.indexOf("/", 1);
  const head = second < 0 ? pathname.slice(1) : pathname.slice(1, second);
  const rest = second < 0 ? "" : pathname.slice(second);
  const query = cut < 0 ? {} : (parseQuery(rawUrl.slice(cut + 1)) as Query);
  return { head, rest, pathname, query };
}

function checkedPath(rawPath: string): string {
  try {
    decodeURIComponent(rawPath);
  } catch {
    throw new ApiError(400, "The URL is not valid.");
  }
  return rawPath.replace(/%3A/gi, ":");
}
