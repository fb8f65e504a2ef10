import * as fs from "fs";
import * as path from "path";

/** Where the pack lives, seen from src/e2e. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const COLLECTION_FILE = path.join(REPO_ROOT, "collections", "conversation-api.postman_collection.json");
export const ENVIRONMENTS_DIR = path.join(REPO_ROOT, "collections", "environments");
export const SCHEMAS_DIR = path.join(REPO_ROOT, "schemas");

/** The parts of a Postman v2.1 collection the pack tests look at. */
export interface PostmanUrl {
  raw: string;
  host: string[];
  path: string[];
  query?: Array<{ key: string; value: string; disabled?: boolean }>;
}
export interface PostmanRequestItem {
  name: string;
  request: {
    method: string;
    url: PostmanUrl;
    body?: { mode: string; raw?: string; urlencoded?: Array<{ key: string; value: string }> };
    auth?: { type: string };
  };
  event?: Array<{ listen: string; script: { exec: string[] } }>;
}
export interface PostmanFolder {
  name: string;
  description?: string;
  item: PostmanRequestItem[];
}
export interface PostmanCollection {
  info: { name: string; description: string; schema: string };
  auth?: { type: string; bearer?: Array<{ key: string; value: string }> };
  item: PostmanFolder[];
  variable: Array<{ key: string; value: string }>;
}
export interface PostmanEnvironment {
  name: string;
  values: Array<{ key: string; value: string; type: string; enabled: boolean }>;
}

/** Reads a JSON file. */
export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** The collection as stored. */
export function loadCollection(): PostmanCollection {
  return readJson<PostmanCollection>(COLLECTION_FILE);
}

/** Every environment file, by region name (us, eu, br, emulator). */
export function loadEnvironments(): Record<string, PostmanEnvironment> {
  const out: Record<string, PostmanEnvironment> = {};
  for (const file of fs.readdirSync(ENVIRONMENTS_DIR).filter((f) => f.endsWith(".postman_environment.json"))) {
    out[file.replace(".postman_environment.json", "")] = readJson<PostmanEnvironment>(path.join(ENVIRONMENTS_DIR, file));
  }
  return out;
}

/** Every request of the collection with its id "<Folder>/<Name>", in collection order. */
export function collectionRequests(collection: PostmanCollection): Array<{ id: string; item: PostmanRequestItem }> {
  return collection.item.flatMap((folder) => folder.item.map((item) => ({ id: `${folder.name}/${item.name}`, item })));
}

/** The {{NAME}} variables a text uses, dynamic ones ($guid ...) included. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1] as string);
}
