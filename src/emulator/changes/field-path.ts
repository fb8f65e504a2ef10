/** Step of a field path into an array: every element. */
export const EACH = "[]";

/** A field path as steps: object keys, or EACH for every element of an array. */
export type FieldPath = readonly string[];

const MAX_STEPS = 32;
/** one step of the text: a key, then `[]` (or `[*]`) once per array level */
const STEP = /^([^.[\]]+)((?:\[\*?\])*)$/;

/**
 * Parse a field path as the admin API takes it: `email`, `channel_identities[].channel`, optionally starting with
 * `$.` (`[*]` is read as `[]`). Returns the problem as a string when the text is not such a path.
 */
export function parseFieldPath(text: string): FieldPath | string {
  const body = text.replace(/^\$\.?/, "");
  if (body === "") return "a field path names at least one field, e.g. email or channel_identities[].channel";
  const steps: string[] = [];
  for (const part of body.split(".")) {
    const m = STEP.exec(part);
    if (!m) return `"${part.slice(0, 100)}" is not a field step: a field name, then [] for every element of an array`;
    steps.push(m[1] as string);
    const levels = (m[2] as string).replace(/\*/g, "").length / 2;
    for (let i = 0; i < levels; i++) steps.push(EACH);
  }
  if (steps.length > MAX_STEPS) return `a field path has at most ${MAX_STEPS} steps`;
  if (steps[steps.length - 1] === EACH) return "a field path ends with a field name, not []";
  return steps;
}

/** Changes one field of one object; true when it changed something. */
export type FieldEdit = (parent: Record<string, unknown>, key: string) => boolean;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Apply `edit` to every object the path reaches (through every element of arrays on the way); returns how many it changed. */
export function editAt(value: unknown, path: FieldPath, edit: FieldEdit, at = 0): number {
  const step = path[at] as string;
  if (step === EACH) {
    if (!Array.isArray(value)) return 0;
    let n = 0;
    for (const item of value) n += editAt(item, path, edit, at + 1);
    return n;
  }
  if (!isObject(value)) return 0;
  if (at === path.length - 1) return edit(value, step) ? 1 : 0;
  return Object.hasOwn(value, step) ? editAt(value[step], path, edit, at + 1) : 0;
}

/** A path as the admin API shows it: channel_identities[].channel */
export function formatFieldPath(path: FieldPath): string {
  return path.reduce((out, step) => (step === EACH ? `${out}[]` : out ? `${out}.${step}` : step), "");
}
