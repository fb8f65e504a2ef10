import { badField } from "./errors";

/** One page of a list plus the token for the next page ("" on the last). */
export interface Page<T> {
  items: T[];
  nextPageToken: string;
  totalSize: number;
}

const PREFIX = "pt1.";

function encodeToken(offset: number): string {
  return PREFIX + Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeToken(token: string): number {
  if (!token.startsWith(PREFIX)) throw badField("page_token", "invalid page token");
  try {
    const parsed = JSON.parse(Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the 400 below
  }
  throw badField("page_token", "invalid page token");
}

/** Cut one page out of a full list with an opaque offset cursor. */
export function paginate<T>(all: T[], pageSize: number, pageToken: string | undefined): Page<T> {
  const offset = pageToken ? decodeToken(pageToken) : 0;
  const items = all.slice(offset, offset + pageSize);
  const end = offset + items.length;
  return { items, nextPageToken: end < all.length ? encodeToken(end) : "", totalSize: all.length };
}
