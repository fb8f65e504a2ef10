import { request } from "undici";
import { validateReply } from "../../contract";
import type { Contract } from "../../model";
import { loadOwnContract } from "../contract-loader";
import { recordReply } from "../parity/testing/recorder";
import { startEmulator, type EmulatorHandle, type EmulatorOptions, type InternalError, type ReplyViolation } from "../index";

/** A parsed reply of the emulator. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/** How a test call authenticates. */
export type CallAuth = { bearer: string } | { basic: [string, string] } | "none" | "token";

/** Options of one call. */
export interface CallOptions {
  body?: unknown;
  raw?: string;
  contentType?: string;
  auth?: CallAuth;
  region?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  host?: "conversation" | "template";
}

/** A started emulator plus helpers that validate every reply against the contract. */
export interface Harness {
  emu: EmulatorHandle;
  contract: Contract;
  /** replies or callbacks that broke their schema, and handler crashes; tests assert this stays empty */
  problems: string[];
  project: string;
  /** call a path under /v1/projects/{project} (or /v2/... on the template host) */
  api(method: string, path: string, o?: CallOptions): Promise<Reply>;
  /** call any URL path on the emulator */
  raw(method: string, urlPath: string, o?: CallOptions): Promise<Reply>;
  admin(method: string, path: string, body?: unknown): Promise<Reply>;
  token(region?: string): Promise<string>;
  close(): Promise<void>;
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

function qs(query: Record<string, string | string[]> | undefined): string {
  if (!query) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The token endpoint's host, below a region or global: its errors take the ORY form. */
const AUTH_HOST = /^(\/[a-z]{2})?\/auth\//;

/**
 * Contract problems of one reply; a request no operation knows (wrong method, unknown route) must still carry the
 * error envelope (on the token endpoint's host, the ORY error).
 */
function checkReply(contract: Contract, r: { method: string; path: string; status: number }, body: unknown): string[] {
  const label = `${r.method} ${r.path} ${r.status}`;
  if (!contract.matchOperation(r.method, r.path) && r.status >= 400) {
    const check = contract.validate(AUTH_HOST.test(r.path) ? "oauth-error" : "error", body);
    return check.valid ? [] : [`${label}: error envelope: ${check.violations.map((v) => v.message).join("; ")}`];
  }
  const verdict = validateReply(contract, { method: r.method, path: r.path }, r.status, body);
  return verdict.ok ? [] : [`${label}: ${verdict.problem}`];
}

/** Start an emulator on port 0 whose every reply is checked with the contract (strictly: drift counts). */
export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const contract = options.contract ?? loadOwnContract();
  const problems: string[] = [];
  const onReplyViolation = (v: ReplyViolation): void => {
    problems.push(`${v.method} ${v.url} ${v.status} -> ${v.schema}: ${v.messages.join("; ")}`);
  };
  const onInternalError = (e: InternalError): void => {
    problems.push(`${e.method} ${e.url} 500: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}`);
  };
  const emu = await startEmulator({
    contract, onReplyViolation, onInternalError, deliveryStepMs: 5, callbackRetry: { attempts: 3, baseDelayMs: 20 }, ...options,
  });
  const origin = emu.info.adminUrl.replace(/\/_emulator$/, "");
  const tokens = new Map<string, string>();

  // `record`: whether the reply is the running test's evidence for the parity table (a token fetched for a call is not)
  async function send(method: string, url: string, o: CallOptions, check: boolean, record = check): Promise<Reply> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const auth = o.auth ?? "token";
    if (auth === "token") headers.authorization = `Bearer ${await token(o.region ?? "us")}`;
    else if (auth !== "none" && "bearer" in auth) headers.authorization = `Bearer ${auth.bearer}`;
    else if (auth !== "none") headers.authorization = basic(...auth.basic);
    let body: string | undefined = o.raw;
    if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers["content-type"] = o.contentType ?? "application/json";
    const res = await request(`${origin}${url}`, { method: method as "GET", headers, body });
    const text = await res.body.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    // a HEAD reply has no body to check
    if (check && method !== "HEAD") {
      // the contract's paths are /v1/...; the emulator serves the introduction's /v1beta/ as the same operations
      const path = (url.split("?")[0] as string).replace(/%3A/gi, ":").replace(/\/v1beta\//, "/v1/");
      problems.push(...checkReply(contract, { method, path, status: res.statusCode }, parsed));
      if (record) recordReply(contract.matchOperation(method, path)?.id, res.statusCode);
    }
    return { status: res.statusCode, headers: res.headers, body: parsed, text };
  }

  async function token(region = "us"): Promise<string> {
    const cached = tokens.get(region);
    if (cached) return cached;
    const r = await send("POST", `/${region}/auth/oauth2/token`, {
      raw: "grant_type=client_credentials", contentType: "application/x-www-form-urlencoded",
      auth: { basic: [emu.info.clientId, emu.info.clientSecret] },
    }, true, false);
    if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`);
    tokens.set(region, r.body.access_token);
    return r.body.access_token;
  }

  const project = emu.info.projectId;
  return {
    emu, contract, problems, project, token,
    api: (method, path, o = {}) => {
      const region = o.region ?? "us";
      const prefix = o.host === "template" ? `/${region}/template/v2/projects/${project}` : `/${region}/v1/projects/${project}`;
      return send(method, `${prefix}${path}${qs(o.query)}`, o, true);
    },
    raw: (method, urlPath, o = {}) => send(method, `${urlPath}${qs(o.query)}`, o, true),
    admin: (method, path, body) => send(method, `/_emulator${path}`, { auth: "none", body }, false),
    close: () => emu.close(),
  };
}

/** Poll until fn returns a value (not undefined), or fail after timeoutMs. */
export async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A request body for an app with SMS credentials. */
export function smsApp(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    display_name: "Test app",
    channel_credentials: [{ channel: "SMS", static_bearer: { claimed_identity: "sender", token: "tok" } }],
    ...extra,
  };
}

/**
 * Jest lifecycle for a test file that needs a started emulator: starts it once (then runs `onStarted`, which may
 * set up shared data), closes it at the end, and fails any test after which a reply or callback broke its schema.
 */
export function useHarness(onStarted: (h: Harness) => void | Promise<void>): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
    await onStarted(h);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expect(h?.problems).toEqual([]);
  });
}
