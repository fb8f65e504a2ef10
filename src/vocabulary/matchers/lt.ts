import { comparison } from "./compare";

/** `lt: N`: a number < N. */
export const lt = comparison("lt", (a, b) => a < b);
