import { basename } from "node:path";
import type { AuthMode, Phase, SourcePos, Step, Suite } from "../model";
import { buildStep } from "./build-step";
import type { PositionShapes } from "./field-positions";
import { collectFieldPos, locate, posOf, type YamlSource } from "./yaml-source";

type Raw = Record<string, unknown>;

const PHASES: Phase[] = ["setup", "steps", "teardown"];

/** "suites/contacts.yaml" -> "contacts": what `needs` refers to. */
export function suiteIdOf(file: string): string {
  return basename(file).replace(/\.ya?ml$/i, "");
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** What was made of a suite's phases while it streamed in (suite-stream). */
interface Streamed {
  /** first steps of phases, built: `raw` holds their values too, their nodes are no longer in `src` */
  built?: Partial<Record<Phase, Step[]>>;
  /** how many first steps of phases were handed off: `raw` and `src` hold only the rest */
  handed?: Partial<Record<Phase, number>>;
}

/** The steps of a phase: those `built` already, then the rest, whose nodes are the phase list's items in `src`. */
function buildPhase(src: YamlSource, raw: Raw, phase: Phase, streamed: Streamed): Step[] {
  const list = Array.isArray(raw[phase]) ? (raw[phase] as unknown[]) : [];
  const shapes: PositionShapes = new Map();
  const built = streamed.built?.[phase] ?? [];
  const handed = streamed.handed?.[phase];
  const first = handed ?? built.length;
  const rest = list.slice(handed === undefined ? built.length : 0).map((value, k) => {
    const index = first + k;
    return buildStep(value, { src, phase, index, node: locate(src, [phase, k]).value, shapes });
  });
  return built.length === 0 ? rest : [...built, ...rest];
}

/**
 * Build the model Suite from the plain (already schema-valid) document, with defaults applied; `streamed` says what
 * became of the first steps of phases as their pieces streamed in (suite-stream): built, or handed off (the phase
 * then holds only the steps after those).
 */
export function buildSuite(src: YamlSource, raw: Raw, streamed: Streamed = {}): Suite {
  const fieldPos: Record<string, SourcePos> = {};
  collectFieldPos(src, src.doc.contents ?? undefined, "", fieldPos, new Set(PHASES));
  for (const phase of PHASES) {
    const found = locate(src, [phase]);
    const at = posOf(src, found.value);
    const keyAt = posOf(src, found.key);
    if (at) fieldPos[phase] = at;
    if (keyAt) fieldPos[`${phase}#key`] = keyAt;
  }
  const variables: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw["variables"] as Raw | undefined) ?? {})) variables[k] = String(v);
  const suite: Suite = {
    file: src.file,
    id: suiteIdOf(src.file),
    name: String(raw["name"]),
    tags: stringList(raw["tags"]),
    auth: (raw["auth"] as AuthMode | undefined) ?? "oauth2",
    needs: stringList(raw["needs"]),
    exports: stringList(raw["exports"]),
    variables,
    setup: buildPhase(src, raw, "setup", streamed),
    steps: buildPhase(src, raw, "steps", streamed),
    teardown: buildPhase(src, raw, "teardown", streamed),
    pos: posOf(src, src.doc.contents ?? undefined) ?? { file: src.file, line: 1, column: 1 },
    fieldPos,
  };
  if (Array.isArray(raw["regions"])) suite.regions = stringList(raw["regions"]);
  return suite;
}
