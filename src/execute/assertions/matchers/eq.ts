import { looseEqual } from "../loose-equal";
import type { Matcher } from "../matcher";

/** `eq: X` (and a plain value): deep equality. */
export const eq: Matcher = { name: "eq", test: (actual, arg) => looseEqual(actual, arg) };
