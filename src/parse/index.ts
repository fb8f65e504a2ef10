export * from "./suite";
export * from "./collection";
