import { comparison } from "./compare";

/** `gt: N`: a number > N. */
export const gt = comparison("gt", (a, b) => a > b);
