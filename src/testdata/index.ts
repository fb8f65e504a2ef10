import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Test-only: left out of the build (tsconfig.build.json). Where each file came from: SOURCES.md.

/** This folder: the published data the tests check against, carried in the repository. */
export const TESTDATA_DIR = __dirname;
/** Real Conversation API payloads (requests, responses, callbacks, error bodies), one JSON file each. */
export const SINCH_PAYLOADS_DIR = join(__dirname, "sinch", "payloads");
/** Webhook signature test vectors from the Sinch SDKs' own tests. */
export const SIGNATURE_VECTORS_DIR = join(__dirname, "sinch", "signature-vectors");
/** The project's description of the public API (API.md), every fact with its source; its sections are numbered `## N. Title`. */
export const API_DESCRIPTION = join(__dirname, "sinch", "API.md");
/** XML Schema of the JUnit report format that Jenkins, GitLab and GitHub read. */
export const JUNIT_XSD = join(__dirname, "junit", "JUnit.xsd");
/** JSON Schema (draft-07) of the Postman Collection Format v2.1.0, split into one file per definition. */
export const POSTMAN_COLLECTION_SCHEMA_DIR = join(__dirname, "postman-collection-v2.1.0");

/** One signature vector: a raw callback body, its headers, the secret, and the signature Sinch computed. */
export interface SignatureVector {
  /** File name in SIGNATURE_VECTORS_DIR. */
  file: string;
  secret: string;
  headers: Record<string, string>;
  raw_body: string;
  expected_signature: string;
  trigger: string;
}

/** Every signature vector, in file name order. */
export function loadSignatureVectors(): SignatureVector[] {
  return readdirSync(SIGNATURE_VECTORS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(SIGNATURE_VECTORS_DIR, file), "utf8")) as Omit<SignatureVector, "file">) }));
}

/** Standalone code (what `npm run build` writes with .ci/gen-validators.js) loaded as a module, as a built run loads it. */
export function loadStandaloneModule<T extends object>(source: string): T {
  const module = { exports: {} as T };
  new Function("require", "module", "exports", source)(require, module, module.exports);
  return module.exports;
}
