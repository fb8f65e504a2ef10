import type { CallbackStep, Diagnostic, Plan, Step } from "../model";
import { REGIONS, type Config } from "../config";
import { makeDiagnostic } from "../diagnostics";

const isCallback = (s: Step): s is CallbackStep => s.kind === "callback";

/**
 * A real region posts callbacks to WEBHOOK_URL, this machine's local receiver, which Sinch cannot reach unless
 * --callback-url forwards to it. The emulator, a URL target and an --env target run where the receiver is
 * reachable, so only a region target without --callback-url is refused, before anything is sent.
 */
export function callbackReachProblem(config: Pick<Config, "target" | "env" | "callbackUrl">, plan: Plan): Diagnostic | undefined {
  if (config.callbackUrl || config.env || !(REGIONS as readonly string[]).includes(config.target)) return undefined;
  const waiting = plan.items
    .map((item) => ({ suite: item.suite, step: [...item.suite.setup, ...item.suite.steps, ...item.suite.teardown].find(isCallback) }))
    .filter((w): w is { suite: typeof w.suite; step: CallbackStep } => w.step !== undefined);
  const first = waiting[0];
  if (!first) return undefined;
  const files = new Set(waiting.map((w) => w.suite.file));
  const more = files.size > 1 ? ` (and callback steps in ${files.size - 1} more suite file(s))` : "";
  return makeDiagnostic(
    "CC_CALLBACK_UNSUPPORTED",
    `step "${first.step.name}" waits for a ${first.step.callback.trigger} callback, which region ${config.target} cannot deliver to this machine without --callback-url${more}`,
    first.step.pos,
  );
}
