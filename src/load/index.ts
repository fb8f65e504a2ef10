export * from "./suite-files";
export * from "./collections";
export * from "./suite-schema";
export * from "./json-position";
export * from "./schemas";
