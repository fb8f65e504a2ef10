export { createContract, SchemaContract, type ContractInput } from "./contract";
export { loadContract, type LoadContractOptions } from "./load-contract";
export { validateReply, type ReplyCheck, type ReplyOperation, type ValidateReplyOptions } from "./validate-reply";
export { normalizeSchemaName, schemaNameOf, schemaIdOf, callbackSchemaNameOf } from "./names";
export { schemaForStatus } from "./operation-matcher";
