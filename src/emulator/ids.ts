import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const FORTY_BITS = 2 ** 40;
/** random bytes are drawn in blocks: one crypto call per 409 ids instead of one per character */
const POOL_SIZE = 4096;

let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;
let lastMs = -1;
/** the 80 random bits of the last id, as two 40-bit halves (exact in a double) */
let randHigh = 0;
let randLow = 0;

function random40(): number {
  if (poolOffset + 5 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const n = pool.readUIntBE(poolOffset, 5);
  poolOffset += 5;
  return n;
}

function base32(value: number, chars: number): string {
  let out = "";
  let n = value;
  for (let i = 0; i < chars; i++) {
    out = CROCKFORD[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

/** Fresh random bits in a new millisecond; within the same one, the last bits plus one (monotonic, as the ULID spec says). */
function nextRandom(ms: number): void {
  if (ms !== lastMs) {
    lastMs = ms;
    randHigh = random40();
    randLow = random40();
    return;
  }
  randLow += 1;
  if (randLow < FORTY_BITS) return;
  randLow = 0;
  randHigh = (randHigh + 1) % FORTY_BITS;
}

/** A new 26-character Crockford base32 ULID (48-bit time, 80 random bits), as Sinch's ids look; increasing within a process. */
export function newId(): string {
  const ms = Math.max(Date.now(), lastMs);
  nextRandom(ms);
  return base32(ms, 10) + base32(randHigh, 8) + base32(randLow, 8);
}

/** Now as RFC 3339 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}
