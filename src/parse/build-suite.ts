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

/** The steps of a phase: those `built` already, then the rest, whose nodes are the phase list's items in `src`. */
function buildPhase(src: YamlSource, raw: Raw, phase: Phase, built: Step[] = []): Step[] {
  const list = Array.isArray(raw[phase]) ? (raw[phase] as unknown[]) : [];
  const shapes: PositionShapes = new Map();
  const rest = list.slice(built.length).map((value, k) => {
    const index = built.length + k;
    return buildStep(value, { src, phase, index, node: locate(src, [phase, k]).value, shapes });
  });
  return built.length === 0 ? rest : [...built, ...rest];
}

/**
 * Build the model Suite from the plain (already schema-valid) document, with defaults applied; `built` holds the
 * first steps of phases built already, as their pieces streamed in (suite-stream): their nodes are no longer in `src`.
 */
export function buildSuite(src: YamlSource, raw: Raw, built: Partial<Record<Phase, Step[]>> = {}): Suite {
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
    setup: buildPhase(src, raw, "setup", built.setup),
    steps: buildPhase(src, raw, "steps", built.steps),
    teardown: buildPhase(src, raw, "teardown", built.teardown),
    pos: posOf(src, src.doc.contents ?? undefined) ?? { file: src.file, line: 1, column: 1 },
    fieldPos,
  };
  if (Array.isArray(raw["regions"])) suite.regions = stringList(raw["regions"]);
  return suite;
}
