import type { CallbackStep, Diagnostic, Plan, Suite } from "../model";
import { suiteSteps } from "../vocabulary/suite-steps";
import { makeDiagnostic } from "../diagnostics";
import { isRegion } from "../vocabulary/regions";

function firstCallback(suite: Suite): CallbackStep | undefined {
  for (const step of suiteSteps(suite)) if (step.kind === "callback") return step;
  return undefined;
}

/** Where a run's callbacks come from: its --target, --env and --callback-url. */
export interface CallbackRoute {
  target: string;
  env?: string;
  callbackUrl?: string;
}

/**
 * A real region posts callbacks to WEBHOOK_URL, this machine's local receiver, which Sinch cannot reach unless
 * --callback-url forwards to it. The emulator, a URL target and an --env target run where the receiver is
 * reachable, so only a region target without --callback-url is refused, before anything is sent.
 */
export function callbackReachProblem(route: CallbackRoute, plan: Plan): Diagnostic | undefined {
  if (route.callbackUrl || route.env || !isRegion(route.target)) return undefined;
  const waiting = plan.items
    .map((item) => ({ suite: item.suite, step: firstCallback(item.suite) }))
    .filter((w): w is { suite: typeof w.suite; step: CallbackStep } => w.step !== undefined);
  const first = waiting[0];
  if (!first) return undefined;
  const files = new Set(waiting.map((w) => w.suite.file));
  const more = files.size > 1 ? ` (and callback steps in ${files.size - 1} more suite file(s))` : "";
  return makeDiagnostic(
    "CC_CALLBACK_UNSUPPORTED",
    `step "${first.step.name}" waits for a ${first.step.callback.trigger} callback, which region ${route.target} cannot deliver to this machine without --callback-url${more}`,
    first.step.pos,
  );
}
