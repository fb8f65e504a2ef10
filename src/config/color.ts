/** What decides whether output is colored. */
export interface ColorInputs {
  /** --no-color (or "no-color" in the config file) */
  noColor: boolean;
  env: Record<string, string | undefined>;
  /** the output is a live terminal */
  tty: boolean;
}

/**
 * Colors or not, by the usual conventions, first match wins: --no-color; FORCE_COLOR (0 or false: off, any
 * other value: on, even into a pipe); NO_COLOR (any non-empty value: off); else on for a terminal.
 */
export function wantsColor(inputs: ColorInputs): boolean {
  if (inputs.noColor) return false;
  const force = inputs.env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.trim().toLowerCase());
  if (inputs.env.NO_COLOR) return false;
  return inputs.tty;
}
