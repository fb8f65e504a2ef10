import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { API_DESCRIPTION, SIGNATURE_VECTORS_DIR, SINCH_PAYLOADS_DIR } from "../../../testdata";
import { SDK_TAGS } from "../../../vocabulary/parity-sources";
import { formatMark, type ParityMark } from "../marks";

const ROOT = join(__dirname, "../../../..");
const API_MD = readFileSync(API_DESCRIPTION, "utf8");
const SECTIONS = new Set([...API_MD.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
const DOCS = /^§(\d+)(?:\s|$)/;
const SDK = /^([A-Z]) (\S+)/;

function fixtureProblem(name: string): string | undefined {
  if ([SINCH_PAYLOADS_DIR, SIGNATURE_VECTORS_DIR].some((dir) => existsSync(join(dir, name)))) return undefined;
  return `no fixture ${name} in src/testdata/sinch/payloads/ or signature-vectors/`;
}

function docsProblem(reference: string): string | undefined {
  const section = DOCS.exec(reference)?.[1];
  if (section === undefined) return `write the API.md section as §N (found "${reference}")`;
  return SECTIONS.has(section) ? undefined : `API.md has no section ${section} (it has ${[...SECTIONS].join(", ")})`;
}

/** An official SDK package (`@sinch/sdk-core`) the repository installs, as a test that drives the SDK itself names it. */
function installedSdk(name: string): boolean {
  if (!name.startsWith("@sinch/")) return false;
  try {
    require.resolve(name, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

function sdkProblem(reference: string): string | undefined {
  const m = SDK.exec(reference);
  if (!m || !(SDK_TAGS as readonly string[]).includes(m[1] ?? "")) return `write the SDK's tag (${SDK_TAGS.join(", ")}) and its file, as API.md cites them (found "${reference}")`;
  const file = m[2] ?? "";
  return API_MD.includes(file) || installedSdk(file) ? undefined : `API.md cites no SDK file ${file}, and no SDK package ${file} is installed`;
}

/** What is wrong with a mark's reference: a fixture that is not in the test data, a section or SDK file API.md lacks. */
export function referenceProblem(mark: ParityMark): string | undefined {
  const ref = mark.reference ?? "";
  const problem = mark.source === "fixture" ? fixtureProblem(ref) : mark.source === "docs" ? docsProblem(ref) : mark.source === "sdk" ? sdkProblem(ref) : undefined;
  return problem && `[${formatMark(mark)}]: ${problem}`;
}
