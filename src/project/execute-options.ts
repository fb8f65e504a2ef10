import type { ExecuteOptions } from "../model";
import type { Config } from "../config";

/** The runner's options from the resolved config: --retries N means N + 1 attempts, within --retry-budget-ms. */
export function executeOptions(config: Config): ExecuteOptions {
  return {
    concurrency: config.concurrency, bail: config.bail, strict: config.strict, verbose: config.verbose, requestTimeoutMs: config.timeout,
    backoff: { attempts: config.retries + 1, baseDelayMs: 200, maxDelayMs: 5000, maxTotalMs: config.retryBudgetMs },
    ...(config.callbackUrl ? { callbackUrl: config.callbackUrl } : {}),
    callbackListen: { ...config.callbackListen },
  };
}
