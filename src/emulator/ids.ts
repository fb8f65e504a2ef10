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
/** the time characters of lastMs */
let timePart = "";

function random40(): number {
  if (poolOffset + 5 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const n = pool.readUIntBE(poolOffset, 5);
  poolOffset += 5;
  return n;
}

/** every 10-bit value as its two base32 characters: a 40-bit half of the random part is four lookups */
const PAIRS = Array.from({ length: 1024 }, (_, n) => (CROCKFORD[n >> 5] as string) + (CROCKFORD[n & 31] as string));
const TWENTY_BITS = 2 ** 20;

/** A value below 2^40 as 8 base32 characters, most significant first. */
function base32of40(value: number): string {
  const high = Math.floor(value / TWENTY_BITS);
  const low = value % TWENTY_BITS;
  return (PAIRS[high >> 10] as string) + (PAIRS[high & 1023] as string) + (PAIRS[low >> 10] as string) + (PAIRS[low & 1023] as string);
}

/** A millisecond time (below 2^50) as 10 base32 characters. */
function base32ofTime(ms: number): string {
  return (PAIRS[Math.floor(ms / FORTY_BITS)] as string) + base32of40(ms % FORTY_BITS);
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
  if (ms !== lastMs) timePart = base32ofTime(ms);
  nextRandom(ms);
  return timePart + base32of40(randHigh) + base32of40(randLow);
}

/** Now as RFC 3339 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}
