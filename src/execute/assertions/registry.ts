import type { Matcher } from "./matcher";
import { contains } from "./matchers/contains";
import { eq } from "./matchers/eq";
import { exists } from "./matchers/exists";
import { gt } from "./matchers/gt";
import { gte } from "./matchers/gte";
import { length } from "./matchers/length";
import { lt } from "./matchers/lt";
import { lte } from "./matchers/lte";
import { matches } from "./matchers/matches";
import { ne } from "./matchers/ne";
import { oneOf } from "./matchers/one-of";
import { type } from "./matchers/type";

/** Every matcher by the key a suite writes; adding one is a file under matchers/ and a line here. */
export const MATCHERS: ReadonlyMap<string, Matcher> = new Map(
  [eq, ne, matches, contains, exists, type, length, gt, gte, lt, lte, oneOf].map((m) => [m.name, m]),
);
