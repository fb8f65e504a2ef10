export { readResults } from "./read-results";
export { compareRuns } from "./compare";
