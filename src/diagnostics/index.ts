export * from "./codes";
export * from "./make";
export * from "./did-you-mean";
export * from "./redact";
export * from "./format";
export * from "./diagnostic-error";
export * from "./fingerprint";
export * from "./text-position";
