import type { Contract } from "../model";
import type { JwtSigner } from "./auth/jwt";
import type { CallbackDispatcher } from "./callbacks/dispatcher";
import type { FaultRegistry } from "./faults";
import type { ResolvedOptions } from "./options";
import type { World } from "./store/world";
import type { TimerSet } from "./timers";

/** The services every route and background job shares; built once per emulator. */
export interface Runtime {
  options: ResolvedOptions;
  world: World;
  jwt: JwtSigner;
  faults: FaultRegistry;
  callbacks: CallbackDispatcher;
  /** lifecycle steps (delivery reports, async capability/opt-in results) */
  timers: TimerSet;
  contract?: Contract;
  /** report a body that broke its schema (only when options.onReplyViolation is set) */
  checkBody(kind: { method: string; url: string; status: number }, schema: string, body: unknown): void;
}
