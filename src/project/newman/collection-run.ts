import type { Contract, RegionTarget, StepResult } from "../../model";
import type { TokenManager } from "../../execute/auth";
import { stepOfRequest, requestId, type StepSource } from "./check-exchange";
import type { NewmanRun, RequestEvent, loadNewman } from "./newman-library";

/** What one region's pass of a collection through newman needs. */
export interface CollectionRun {
  newman: Exclude<ReturnType<typeof loadNewman>, { missing: string }>;
  /** the collection as JSON (its token folder is left out: the token manager fetches tokens) */
  collection: unknown;
  target: RegionTarget;
  /** every other value of the region's environment: WEBHOOK_URL, the environment files' values, --var */
  variables: Record<string, string>;
  tokens: TokenManager;
  contract: Contract;
  strict: boolean;
  timeoutMs: number;
  at: StepSource;
  signal?: AbortSignal;
}

/**
 * Runs the collection once through newman against one region: ACCESS_TOKEN comes from the token manager (fetched
 * before the first request, refreshed ahead of expiry between requests), and every response newman receives is
 * checked against the contract as it arrives. A token that cannot be had is one error step.
 */
export async function runCollection(run: CollectionRun): Promise<StepResult[]> {
  const { target, tokens } = run;
  let token: string;
  try {
    token = await tokens.token(target);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "CC_TOKEN_FAILED";
    return [{ name: "token", phase: "setup", ...run.at, outcome: "error", request: "OAuth2/Get token", durationMs: 0, attempts: [], flaky: false, failures: [], drift: [], error: { code, message: (e as Error).message } }];
  }
  const steps: StepResult[] = [];
  const seen = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    const emitter: NewmanRun = run.newman.run({
      collection: forNewman(run.collection), environment: { values: environmentValues(run, token) }, reporters: [], timeoutRequest: run.timeoutMs,
    }, (err) => (err ? reject(err) : resolve()));
    emitter.on("beforeItem", () => {
      // a token past its refresh time is renewed in the background; the current one stays valid until it expires
      const fresh = tokens.cached(target);
      if (fresh) emitter.summary.environment.set("ACCESS_TOKEN", fresh, "secret");
      else void tokens.token(target).catch(() => undefined);
    });
    emitter.on("request", (err: Error | null, event: RequestEvent) => {
      const id = requestId(event, run.contract);
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      steps.push(stepOfRequest(event, err, { contract: run.contract, strict: run.strict, name: count === 1 ? id : `${id} (${count})`, at: run.at }));
    });
    // an interrupt stops the collection where it is (postman-runtime's run, handed over in the start event)
    let started: { abort(): void } | undefined;
    emitter.on("start", (_err: Error | null, args: { run?: { abort(): void } }) => {
      started = args.run;
    });
    run.signal?.addEventListener("abort", () => started?.abort(), { once: true });
  });
  return steps;
}

function environmentValues(run: CollectionRun, token: string): Array<{ key: string; value: string; type: string; enabled: boolean }> {
  const { target } = run;
  const values: Record<string, string> = {
    ...run.variables, REGION: target.region, BASE_URL: target.baseUrl, AUTH_URL: target.authUrl, TEMPLATE_BASE_URL: target.templateBaseUrl,
    PROJECT: target.projectId, ACCESS_TOKEN: token,
  };
  return Object.entries(values).map(([key, value]) => ({ key, value, type: key === "ACCESS_TOKEN" ? "secret" : "default", enabled: true }));
}

/** The folder of the collection that fetches tokens: the token manager does that instead. */
const TOKEN_FOLDER = "OAuth2";

/** The collection for newman: without the token folder, and each request's id its "Folder/Name" (what steps are named by). */
function forNewman(json: unknown): unknown {
  type Node = { name?: string; item?: Node[]; request?: unknown };
  const named = (nodes: Node[], folder: string | undefined): Node[] => nodes.map((node) => {
    const path = folder === undefined ? node.name ?? "" : `${folder}/${node.name ?? ""}`;
    if (node.item) return { ...node, item: named(node.item, path) };
    return node.request ? { ...node, id: path } : node;
  });
  const collection = json as Node;
  return { ...collection, item: named((collection.item ?? []).filter((node) => node.name !== TOKEN_FOLDER), undefined) };
}
