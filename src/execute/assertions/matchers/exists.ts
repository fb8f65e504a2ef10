import type { Matcher } from "../matcher";

/** `exists: true|false`: the path or header is there (null counts as there) or not. */
export const exists: Matcher = { name: "exists", test: (actual, arg) => (actual !== undefined) === (arg !== false) };
