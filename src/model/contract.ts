/** One way a value broke its schema; structured until something displays it. */
export interface Violation {
  /** JSON pointer into the instance, "" for the root */
  instancePath: string;
  /** the schema keyword that failed (required, type, enum, format, ...) */
  keyword: string;
  schemaPath: string;
  message: string;
  /** the actual value, cut short and redacted */
  actual?: string;
}

/** A field present in a body that its schema does not name. */
export interface DriftWarning {
  instancePath: string;
  schema: string;
}

/** The outcome of checking one body against one schema. */
export interface SchemaCheck {
  schema: string;
  valid: boolean;
  violations: Violation[];
  drift: DriftWarning[];
}

/** An operation of the API, as the operation map knows it. */
export interface OperationRef {
  /** the collection request id, "Folder/Name" */
  id: string;
  method: string;
  /** path template, e.g. /v1/projects/{project_id}/contacts/{contact_id} */
  path: string;
  /** which base URL the path hangs off */
  host: "conversation" | "template" | "auth";
  /** status code ("200") or class ("4xx") -> schema name */
  responses: Record<string, string>;
  /** schema of the request body, when the operation takes one */
  request?: string;
}

/** The contract as data: every schema compiled once, and the operation map. */
export interface Contract {
  /** canonical schema name for what a user wrote ("Contact", "contact", "callbacks/message-delivery"), if known */
  resolveSchemaName(name: string): string | undefined;
  schemaNames(): string[];
  operations(): OperationRef[];
  operationById(id: string): OperationRef | undefined;
  /** match an inline request by method and URL path (query ignored) */
  matchOperation(method: string, path: string): OperationRef | undefined;
  /** the schema for a status: exact code first, then its class ("4xx"), then "default" */
  schemaForStatus(op: OperationRef, status: number): string | undefined;
  /** the schema of a webhook callback by trigger (MESSAGE_DELIVERY -> callbacks/message-delivery) */
  callbackSchema(trigger: string): string | undefined;
  /** `drift: false` skips looking for fields the schema does not name (drift is then []): a request check needs only validity */
  validate(schema: string, data: unknown, options?: { drift?: boolean }): SchemaCheck;
  /** the parsed JSON of a schema by canonical name, for tools that walk schemas (read it, never change it); optional for stand-ins */
  schemaDocument?(name: string): Readonly<Record<string, unknown>> | undefined;
}
