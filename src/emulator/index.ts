import type { AddressInfo } from "node:net";
import type { Contract, RegionTarget } from "../model";
import { resetRuntime } from "./admin/admin-routes";
import { JwtSigner } from "./auth/jwt";
import { CallbackDispatcher } from "./callbacks/dispatcher";
import { loadOwnContract } from "./contract-loader";
import { FaultRegistry } from "./faults";
import { REGIONS, resolveOptions, type EmulatorOptions, type Region, type ResolvedOptions } from "./options";
import type { Runtime } from "./runtime";
import { buildServer } from "./server";
import { World } from "./store/world";
import { TimerSet } from "./timers";

export { DEFAULTS, REGIONS } from "./options";
export type { EmulatorOptions, Region, ReplyViolation, CallbackRetryOptions } from "./options";
export { computeSignature, signatureHeaders } from "./callbacks/signing";
export { isUnreachable } from "./lifecycle/unreachable";

/** The URLs of one region. */
export interface RegionUrls {
  baseUrl: string;
  authUrl: string;
  templateBaseUrl: string;
}

/** Where a started emulator listens and with which credentials (COMMON.md item 3). */
export interface EmulatorInfo {
  regions: Record<Region, RegionUrls>;
  /** the us template base URL */
  templateBaseUrl: string;
  adminUrl: string;
  projectId: string;
  clientId: string;
  clientSecret: string;
}

/** A running emulator. */
export interface EmulatorHandle {
  info: EmulatorInfo;
  /** one RegionTarget per region, ready for the runner */
  targets(): RegionTarget[];
  /** forget all state, pending callbacks and faults */
  reset(): void;
  /** stop listening and cancel pending deliveries */
  close(): Promise<void>;
}

function makeRuntime(options: ResolvedOptions, contract: Contract | undefined): Runtime {
  const rt: Runtime = {
    options, contract, world: new World(), jwt: new JwtSigner(), faults: new FaultRegistry(),
    callbacks: new CallbackDispatcher(options.callbackRetry, options.callbackTimeoutMs), timers: new TimerSet(),
    checkBody: () => undefined,
  };
  const report = options.onReplyViolation;
  if (report && contract) {
    rt.checkBody = (kind, schema, body) => {
      const name = contract.resolveSchemaName(schema);
      if (!name) return report({ ...kind, schema, messages: [`no schema named ${schema}`] });
      const check = contract.validate(name, body);
      const messages = [
        ...check.violations.map((v) => `${v.instancePath || "/"} ${v.message}`),
        ...check.drift.map((d) => `${d.instancePath} is not named by ${d.schema} (drift)`),
      ];
      if (messages.length) report({ ...kind, schema: name, messages });
    };
  }
  return rt;
}

function describe(origin: string, o: ResolvedOptions): EmulatorInfo {
  const regions = {} as Record<Region, RegionUrls>;
  for (const r of REGIONS) {
    regions[r] = { baseUrl: `${origin}/${r}`, authUrl: `${origin}/${r}/auth`, templateBaseUrl: `${origin}/${r}/template` };
  }
  return {
    regions, templateBaseUrl: regions.us.templateBaseUrl, adminUrl: `${origin}/_emulator`,
    projectId: o.projectId, clientId: o.clientId, clientSecret: o.clientSecret,
  };
}

/** Start the Conversation API emulator on one port (127.0.0.1, a free port by default). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const o = resolveOptions(options);
  const contract = o.contract ?? loadOwnContract({ required: o.validateRequests });
  const rt = makeRuntime(o, contract);
  const app = await buildServer(rt);
  await app.listen({ port: o.port, host: o.host });
  const addr = app.server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const info = describe(`http://${host}:${addr.port}`, o);
  let closed: Promise<void> | undefined;
  return {
    info,
    targets: () =>
      REGIONS.map((region) => ({
        region, ...info.regions[region], projectId: o.projectId, clientId: o.clientId, clientSecret: o.clientSecret,
      })),
    reset: () => resetRuntime(rt),
    close: () => {
      closed ??= (async () => {
        rt.timers.clear();
        rt.callbacks.close();
        await app.close();
      })();
      return closed;
    },
  };
}
