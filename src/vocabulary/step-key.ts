/*
 * A step's key names the same step in every run, so two runs can be compared step by step:
 * `${suiteKey}/${phase}/${name}`, where the suite key is `${suiteId}@${region}`. Never the line number (editing
 * a suite moves lines) nor anything the run made up (ids, times).
 */

/** The stable key of a step. */
export function stepKey(suiteKey: string, phase: string, name: string): string {
  return `${suiteKey}/${phase}/${name}`;
}

/** The phase and name in a step key of the suite, or undefined when the key is not one of its steps'. */
export function stepPartsOfKey(suiteKey: string, key: string): { phase: string; name: string } | undefined {
  if (!key.startsWith(`${suiteKey}/`)) return undefined;
  const rest = key.slice(suiteKey.length + 1);
  const slash = rest.indexOf("/");
  return slash < 0 ? undefined : { phase: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

/** The step's name as reports show it, from its key: "list contacts", or "teardown: delete contact" outside the main steps. */
export function stepLabelOfKey(suiteKey: string, key: string): string {
  const parts = stepPartsOfKey(suiteKey, key);
  if (!parts) return key;
  return parts.phase === "steps" ? parts.name : `${parts.phase}: ${parts.name}`;
}
