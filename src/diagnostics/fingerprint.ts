import { createHash, hash } from "node:crypto";
import type {
  CheckFailure,
  DriftWarning,
  FindingClass,
  FingerprintedDrift,
  FingerprintedFailure,
  FingerprintedViolation,
  Violation,
} from "../model";

/*
 * A fingerprint names the same problem in every run, so a baseline, a candidate and an accept file can
 * refer to it. It hashes only what identifies the problem (its class, the step key, a JSON path), never
 * values, times, ids or line numbers: those change from run to run without anything getting worse.
 */

const LENGTH = 12;

/** The first 12 hex characters of sha256 over the parts joined by NUL. */
export function fingerprint(parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, LENGTH);
}

/**
 * The fingerprint of many keys whatever their order, without holding them (a plan of 100,000 steps held and sorted
 * ~7 MB of keys): each key's own hash is added, in two 32-bit lanes, and the count of keys with them.
 */
export class KeySetFingerprint {
  private count = 0;
  private low = 0;
  private high = 0;

  add(key: string): void {
    const own = hash("sha1", key, "buffer");
    this.count += 1;
    this.low = (this.low + own.readUInt32LE(0)) >>> 0;
    this.high = (this.high + own.readUInt32LE(4)) >>> 0;
  }

  digest(): string {
    return fingerprint(["key-set", String(this.count), String(this.low), String(this.high)]);
  }
}

/** A failed check's fingerprint: kind, step key and path (a schema failure: the schema name instead of a path). */
export function failureFingerprint(stepKey: string, failure: CheckFailure): string {
  if (failure.kind === "schema") return fingerprint(["schema", stepKey, "", failure.schema ?? ""]);
  return fingerprint([failure.kind, stepKey, failure.path ?? ""]);
}

/** A schema violation's fingerprint: keyword, step key and instance path, so each new violation is found on its own. */
export function violationFingerprint(stepKey: string, violation: Violation): string {
  return fingerprint([`violation:${violation.keyword}`, stepKey, violation.instancePath]);
}

/** A drift warning's fingerprint: step key and instance path. */
export function driftFingerprint(stepKey: string, drift: DriftWarning): string {
  return fingerprint(["drift", stepKey, drift.instancePath]);
}

/** A gate finding's fingerprint: its class, its subject (step key, operation id, region or suite key) and path. */
export function findingFingerprint(findingClass: FindingClass, subject: string, path = ""): string {
  return fingerprint([findingClass, subject, path]);
}

/** The failures of a step with their fingerprints (and their violations'), as results.json v2 records them. */
export function fingerprintFailures(stepKey: string, failures: CheckFailure[]): FingerprintedFailure[] {
  return failures.map((failure) => {
    const { violations, ...rest } = failure;
    const out: FingerprintedFailure = { ...rest, fingerprint: failureFingerprint(stepKey, failure) };
    if (violations) out.violations = violations.map((v): FingerprintedViolation => ({ ...v, fingerprint: violationFingerprint(stepKey, v) }));
    return out;
  });
}

/** The drift of a step with fingerprints. */
export function fingerprintDrift(stepKey: string, drift: DriftWarning[]): FingerprintedDrift[] {
  return drift.map((d) => ({ ...d, fingerprint: driftFingerprint(stepKey, d) }));
}
