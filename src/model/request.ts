/** A request of the Postman collection, flattened: what a step starts from before its overrides. */
export interface RequestTemplate {
  /** "Folder/Name" (nested folders joined with "/") */
  id: string;
  folder: string;
  name: string;
  method: string;
  /** raw URL without the query string, still holding {{VARIABLES}} */
  url: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: RequestBodyTemplate;
  /** auth declared by the request or inherited from its folder / the collection */
  auth: "bearer" | "basic" | "none";
  /** collection variables overlaid with folder variables */
  variables: Record<string, string>;
}

export type RequestBodyTemplate =
  | { mode: "json"; json: unknown }
  | { mode: "raw"; raw: string; contentType?: string }
  | { mode: "urlencoded"; form: Record<string, string> };

/** A request ready to go on the wire: every variable resolved. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
