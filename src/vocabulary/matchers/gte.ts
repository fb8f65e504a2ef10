import { comparison } from "./compare";

/** `gte: N`: a number >= N. */
export const gte = comparison("gte", (a, b) => a >= b);
