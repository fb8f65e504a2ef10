import type { Collection as CollectionClass, Item, ItemGroup } from "postman-collection";
import type { Diagnostic, RequestTemplate } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { vendoredBundle } from "../vocabulary/vendored";
import { bodyTemplate } from "./collection-body";

/** The requests of one collection, by id "Folder/Name". */
export interface ParsedCollection {
  requests: Map<string, RequestTemplate>;
  diagnostics: Diagnostic[];
}

type Raw = Record<string, unknown>;

let library: { Collection: typeof CollectionClass } | undefined;

/**
 * postman-collection, loaded on first use: it takes longer to load than a whole run, and cached collections skip it.
 * The build's bundle of it (vocabulary/vendored) loads in half the time of the package's hundreds of files.
 */
function postman(): { Collection: typeof CollectionClass } {
  const bundle = vendoredBundle("postman-collection");
  /* eslint-disable @typescript-eslint/no-require-imports */
  library ??= (bundle === undefined ? require("postman-collection") : require(bundle)) as { Collection: typeof CollectionClass };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return library;
}

function isObject(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Non-empty variables of a raw `variable` list (an empty value means "set at run time"). */
function rawVariables(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of Array.isArray(list) ? list : []) {
    if (!isObject(v) || typeof v["key"] !== "string" || v["disabled"] === true) continue;
    const value = v["value"];
    if (value !== undefined && value !== null && String(value) !== "") out[v["key"]] = String(value);
  }
  return out;
}

/** Folder path -> its own variables; postman-collection drops folder variables, so read them from the JSON. */
function folderVariables(items: unknown, prefix: string[], into: Map<string, Record<string, string>>): void {
  for (const item of Array.isArray(items) ? items : []) {
    if (!isObject(item) || !Array.isArray(item["item"])) continue;
    const path = [...prefix, String(item["name"] ?? "")];
    into.set(path.join("/"), rawVariables(item["variable"]));
    folderVariables(item["item"], path, into);
  }
}

/** Folder names from the outermost to the item's own folder. */
function foldersOf(item: Item): string[] {
  const names: string[] = [];
  let parent = item.parent() as unknown as ItemGroup<Item> | undefined;
  while (parent && !postman().Collection.isCollection(parent)) {
    names.unshift(parent.name);
    parent = parent.parent() as unknown as ItemGroup<Item> | undefined;
  }
  return names;
}

function authOf(item: Item): RequestTemplate["auth"] {
  const type = item.getAuth()?.type;
  if (type === "basic") return "basic";
  if (type === "bearer" || type === "oauth2") return "bearer";
  return "none";
}

/** The URL without query or fragment, {{VARIABLES}} intact. */
function baseUrl(item: Item): string {
  return item.request.url.toString().replace(/[?#].*$/, "");
}

function template(item: Item, folders: string[], variables: Record<string, string>): RequestTemplate {
  const headers: Record<string, string> = {};
  for (const h of item.request.headers.all()) if (!h.disabled && h.key) headers[h.key] = String(h.value ?? "");
  const query: Array<[string, string]> = [];
  for (const q of item.request.url.query.all()) if (!q.disabled && q.key) query.push([q.key, String(q.value ?? "")]);
  const folder = folders.join("/");
  const body = bodyTemplate(item.request.body, headers);
  const out: RequestTemplate = {
    id: folder === "" ? item.name : `${folder}/${item.name}`,
    folder,
    name: item.name,
    method: (item.request.method || "GET").toUpperCase(),
    url: baseUrl(item),
    query,
    headers,
    auth: authOf(item),
    variables,
  };
  if (body) out.body = body;
  return out;
}

function scopedVariables(folders: string[], collectionVars: Record<string, string>, byFolder: Map<string, Record<string, string>>): Record<string, string> {
  const vars = { ...collectionVars };
  for (let i = 1; i <= folders.length; i++) Object.assign(vars, byFolder.get(folders.slice(0, i).join("/")));
  return vars;
}

/** Flatten a Postman v2.1 collection (already parsed JSON) into request templates. Never throws. */
export function parseCollection(json: unknown, file: string): ParsedCollection {
  const requests = new Map<string, RequestTemplate>();
  const diagnostics: Diagnostic[] = [];
  if (!isObject(json) || !Array.isArray(json["item"])) {
    diagnostics.push(makeDiagnostic("CC_COLLECTION_INVALID", "not a Postman collection: an object with an `item` list is expected", { file }));
    return { requests, diagnostics };
  }
  const collectionVars = rawVariables(json["variable"]);
  const byFolder = new Map<string, Record<string, string>>();
  folderVariables(json["item"], [], byFolder);
  try {
    const { Collection } = postman();
    new Collection(json as ConstructorParameters<typeof CollectionClass>[0]).forEachItem((item) => {
      const folders = foldersOf(item);
      const request = template(item, folders, scopedVariables(folders, collectionVars, byFolder));
      if (requests.has(request.id)) {
        diagnostics.push(makeDiagnostic("CC_COLLECTION_INVALID", `two requests are named "${request.id}"`, { file }, "request ids (Folder/Name) must be unique"));
      } else requests.set(request.id, request);
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    diagnostics.push(makeDiagnostic("CC_COLLECTION_INVALID", `cannot read the collection: ${message}`, { file }));
  }
  return { requests, diagnostics };
}
