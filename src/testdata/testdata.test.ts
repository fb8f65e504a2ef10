import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { API_DESCRIPTION, JUNIT_XSD, POSTMAN_COLLECTION_SCHEMA_DIR, SIGNATURE_VECTORS_DIR, SINCH_PAYLOADS_DIR, TESTDATA_DIR } from "./index";

const SOURCES = readFileSync(join(TESTDATA_DIR, "SOURCES.md"), "utf8");

/** The first cell of every table row in the section under `## <heading>`, backticks removed. */
function listedUnder(heading: string): string[] {
  const section = SOURCES.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (!section) throw new Error(`SOURCES.md has no section "## ${heading}"`);
  return section
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| file ") && !/^\|[-|]+\|$/.test(line))
    .map((line) => line.split("|")[1]!.trim().replace(/`/g, ""));
}

const filesIn = (dir: string): string[] => readdirSync(dir).sort();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe("test data sources", () => {
  it("names the source of every payload, and every payload it names is here", () => {
    expect(listedUnder("`sinch/payloads/`").sort()).toEqual(filesIn(SINCH_PAYLOADS_DIR));
  });

  it("names the source of every signature vector, and every vector it names is here", () => {
    expect(listedUnder("`sinch/signature-vectors/`").sort()).toEqual(filesIn(SIGNATURE_VECTORS_DIR));
  });

  it("names the source of each reference format, and each is here", () => {
    const listed = listedUnder("Reference formats");
    expect(listed).toEqual(["junit/JUnit.xsd", "postman-collection-v2.1.0/"]);
    expect(statSync(JUNIT_XSD).isFile()).toBe(true);
    expect(filesIn(POSTMAN_COLLECTION_SCHEMA_DIR)).toEqual(["collection", "collection.json"]);
  });

  it("names the source of the API description, and it is here", () => {
    expect(listedUnder("API description")).toEqual(["sinch/API.md"]);
    expect(statSync(API_DESCRIPTION).isFile()).toBe(true);
  });

  it("holds no data file that SOURCES.md does not account for", () => {
    const accounted = (rel: string): boolean =>
      rel === "SOURCES.md" || rel.endsWith(".ts") || rel === "junit/JUnit.xsd" || rel === "sinch/API.md" || rel.startsWith("postman-collection-v2.1.0/") ||
      (rel.startsWith("sinch/payloads/") || rel.startsWith("sinch/signature-vectors/"));
    const unaccounted = walk(TESTDATA_DIR).map((f) => relative(TESTDATA_DIR, f).split("\\").join("/")).filter((r) => !accounted(r));
    expect(unaccounted).toEqual([]);
  });
});
