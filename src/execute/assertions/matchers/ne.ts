import { looseEqual } from "../loose-equal";
import type { Matcher } from "../matcher";

/** `ne: X`: present and not equal. */
export const ne: Matcher = { name: "ne", test: (actual, arg) => actual !== undefined && !looseEqual(actual, arg) };
