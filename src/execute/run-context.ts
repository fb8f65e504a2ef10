import type { Redactor } from "../diagnostics";
import type { Contract, ExecuteOptions, Plan, RegionTarget, RequestTemplate, RunEvents } from "../model";
import type { CallbackReceiver } from "./callbacks";
import type { Lanes, Send } from "./http";
import type { CompiledRequestStep } from "./request-step/compile-request-step";

/** What runPlan needs; the caller (the CLI, a library user) builds it once. */
export interface RunPlanContext {
  plan: Plan;
  requests: Map<string, RequestTemplate>;
  contract: Contract;
  targets: Record<string, RegionTarget>;
  options: ExecuteOptions;
  listeners: RunEvents[];
  /** extra run variables (ADMIN_URL, ...); the region's own (PROJECT, BASE_URL, ...) take precedence */
  runVariables?: Record<string, string>;
  /** extra run variables of one region (its Postman environment's values), over runVariables */
  regionVariables?: Record<string, Record<string, string>>;
  target: string;
  toolVersion: string;
  signal?: AbortSignal;
  /**
   * the caller's redactor (the CLI's, which its reporters use); the run teaches it the webhook secret and every
   * token it is issued, so a report redacts what only the run knew. A private one is made when absent.
   */
  redactor?: Redactor;
  /**
   * false: each step's result goes to the listeners (onStepResult) as it is recorded and each suite's when it
   * finishes, without its steps, and none is kept; the run's result then holds no suites, only the totals (what a
   * long run needs to stay flat in memory), and a planned suite's phases are emptied once its last run has ended.
   * Default true: every suite is kept, with its steps, and the plan's suites are left as they were.
   */
  keepResults?: boolean;
}

/** Everything shared by the suites of one run. */
export interface RunEnv {
  ctx: RunPlanContext;
  /** the HTTP stack: auth(retry(dispatcher)) */
  send: Send;
  /** one dispatcher per suite that is sending (SuiteRun.lane) */
  lanes: Lanes;
  receiver: CallbackReceiver;
  redactor: Redactor;
  /** run variables per region, without WEBHOOK_URL (set per suite run) */
  regionVars: Map<string, Record<string, string>>;
  /** compiled request steps, so templates are split once per run (the same suite in each region); bounded, it starts over when full */
  compiled: Map<object, CompiledRequestStep>;
  /** set once no new step may start: "bail" or "interrupted" */
  stopped?: "bail" | "interrupted";
  /** wait; a signal that aborts ends the wait early */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Why no new step starts, if it may not. */
export function stopReason(env: RunEnv): string | undefined {
  if (env.ctx.signal?.aborted && !env.stopped) env.stopped = "interrupted";
  if (env.stopped === "interrupted") return "the run was interrupted";
  if (env.stopped === "bail") return "--bail: an earlier step failed";
  return undefined;
}
