import type { Contract } from "../model";
import type { JwtSigner } from "./auth/jwt";
import type { CallbackDispatcher } from "./callbacks/dispatcher";
import type { ChangeRegistry } from "./changes/change-registry";
import type { FaultRegistry } from "./faults";
import type { ResolvedOptions } from "./options";
import type { World } from "./store/world";
import type { TimerSet } from "./timers";

/** The services every operation and background job shares; built once per emulator. */
export interface Runtime {
  options: ResolvedOptions;
  world: World;
  jwt: JwtSigner;
  faults: FaultRegistry;
  /** API changes (a simulated new release) registered through the admin API */
  changes: ChangeRegistry;
  callbacks: CallbackDispatcher;
  /** lifecycle steps (delivery reports, async capability/opt-in results) */
  timers: TimerSet;
  /** the operation map the emulator serves and the schemas it checks requests and replies with */
  contract: Contract;
  /** true when replies and callbacks are checked against the contract (options.onReplyViolation is set) */
  selfCheck: boolean;
  /** report a body that broke its schema (only when options.onReplyViolation is set) */
  checkBody(kind: { method: string; url: string; status: number }, schema: string, body: unknown): void;
}
