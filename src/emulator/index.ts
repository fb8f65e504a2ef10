import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Contract, RegionTarget } from "../model";
import { REGIONS, type Region } from "../vocabulary/regions";
import { resetRuntime } from "./admin/admin-routes";
import { JwtSigner } from "./auth/jwt";
import { CallbackDispatcher } from "./callbacks/dispatcher";
import { ChangeRegistry } from "./changes/change-registry";
import { loadOwnContract } from "./contract-loader";
import { FaultRegistry } from "./faults";
import { HOST_PREFIXES } from "./http/operation-routes";
import { createEmulatorServer } from "./http/server";
import { resolveOptions, type EmulatorOptions, type ResolvedOptions } from "./options";
import type { Runtime } from "./runtime";
import { World } from "./store/world";
import { TimerSet } from "./timers";

export type { EmulatorOptions, ReplyViolation, InternalError } from "./options";

/** The URLs of one region. */
export interface RegionUrls {
  baseUrl: string;
  authUrl: string;
  templateBaseUrl: string;
}

/** Where a started emulator listens and with which credentials. */
export interface EmulatorInfo {
  regions: Record<Region, RegionUrls>;
  /** the us template base URL */
  templateBaseUrl: string;
  /** the global token host (as https://auth.sinch.com): `{globalAuthUrl}/oauth2/token` issues tokens every region accepts */
  globalAuthUrl: string;
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

function makeRuntime(options: ResolvedOptions, contract: Contract): Runtime {
  const rt: Runtime = {
    options, contract, world: new World(), jwt: new JwtSigner(), faults: new FaultRegistry(), changes: new ChangeRegistry(contract),
    callbacks: new CallbackDispatcher(options.callbackRetry, options.callbackTimeoutMs, options.callbackFormat), timers: new TimerSet(),
    selfCheck: options.onReplyViolation !== undefined, checkBody: () => undefined,
  };
  const report = options.onReplyViolation;
  if (report) {
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
    const base = `${origin}/${r}`;
    regions[r] = { baseUrl: base + HOST_PREFIXES.conversation, authUrl: base + HOST_PREFIXES.auth, templateBaseUrl: base + HOST_PREFIXES.template };
  }
  return {
    regions, templateBaseUrl: regions.us.templateBaseUrl, globalAuthUrl: origin + HOST_PREFIXES.auth, adminUrl: `${origin}/_emulator`,
    projectId: o.projectId, clientId: o.clientId, clientSecret: o.clientSecret,
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Stop accepting, and end every open connection now (keep-alive ones would otherwise hold close() for their timeout). */
function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Start the Conversation API emulator on one port (127.0.0.1, a free port by default). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const o = resolveOptions(options);
  const rt = makeRuntime(o, o.contract ?? loadOwnContract());
  const server = createEmulatorServer(rt);
  await listen(server, o.port, o.host);
  const addr = server.address() as AddressInfo;
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
        await stop(server);
      })();
      return closed;
    },
  };
}
