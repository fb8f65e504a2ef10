import { comparison } from "./compare";

/** `lte: N`: a number <= N. */
export const lte = comparison("lte", (a, b) => a <= b);
