export { createContract } from "./contract";
export { loadContract } from "./load-contract";
export { validateReply } from "./validate-reply";
export { schemaNameOf, schemaIdOf } from "./names";
export { describeActual } from "./violations";
