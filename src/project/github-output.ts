import type { ConsoleOutput, GithubActionsOutput } from "../report";

/**
 * What a command inside GitHub Actions tells GitHub: annotations on the console output when GITHUB_ACTIONS is "true"
 * (as the runner sets it), the summary to $GITHUB_STEP_SUMMARY whenever that is set (as the gate's gate.md).
 */
export function githubOutput(options: { env: Record<string, string | undefined>; console?: ConsoleOutput }): GithubActionsOutput | undefined {
  const { env, console } = options;
  const annotate = env.GITHUB_ACTIONS === "true" && console ? (text: string) => console.write(text) : undefined;
  const stepSummary = env.GITHUB_STEP_SUMMARY || undefined;
  if (!annotate && !stepSummary) return undefined;
  return { ...(annotate ? { annotate } : {}), ...(stepSummary ? { stepSummary } : {}) };
}
