import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";
import { JUNIT_XSD } from "./index";

// Test-only. libxml2's xmllint compiled to WebAssembly: the XSD checks run on every machine, with no system
// package to install and no test skipped when one is missing.

let xsd: string | undefined;

/** What libxml2 finds wrong with a JUnit document against the JUnit XSD; empty when the document is valid. */
export async function junitXsdErrors(xml: string): Promise<string[]> {
  xsd ??= readFileSync(JUNIT_XSD, "utf8");
  const result = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "JUnit.xsd", contents: xsd }] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
