import type { DriftWarning, Violation } from "./contract";
import type { CheckFailure, Outcome, RunTotals, StepResult } from "./result";

/*
 * results.json, formatVersion 3: written one suite record at a time and read as a stream. On disk:
 *   line 1:      {"formatVersion":3,"header":<RunHeader>,"suites":[
 *   then:        <SuiteRecord>            (the first record)
 *                ,<SuiteRecord>           (every later one, one line each)
 *   last line:   ],"footer":<RunFooter>}
 * A file without the footer line was cut short (a killed run); its complete records still count.
 * A step's shape is written in full the first time, with `"shapeId": n`; a later step with the same shape has
 * `"shape": n` instead (version 3; version 2 always wrote shapes in full and is read as well).
 */

/** The results format this version writes. */
export const RESULTS_FORMAT_VERSION = 3;

/** The oldest results format this version reads (2 differs from 3 only in writing every shape in full). */
export const OLDEST_RESULTS_FORMAT_READ = 2;

/**
 * JSON paths of a body with their JSON types, no values: "$.contacts[].email" -> "string?".
 * The notation is defined once in `vocabulary/shape-notation.ts`.
 */
export type Shape = Record<string, string>;

/** What a run was, written before its first suite. */
export interface RunHeader {
  tool: { name: string; version: string };
  /** "emulator", "us", a URL... */
  target: string;
  /** regions the plan ran */
  regions: string[];
  /** "v1" (default) or "v1beta" */
  apiVersion: string;
  strict: boolean;
  /** ISO time */
  startedAt: string;
  /** short hash of the full plan (suite keys and step keys, before sharding) */
  planFingerprint: string;
  /** assignment: a short hash of which suite went to which shard, the same in every shard of one run */
  shard?: { index: number; total: number; assignment?: string };
}

/** How a run ended, written after its last suite. */
export interface RunFooter {
  finishedAt: string;
  /** rounded to 0.1 ms */
  durationMs: number;
  totals: RunTotals;
  interrupted: boolean;
}

/** A schema violation with the fingerprint that finds it again in another run. */
export type FingerprintedViolation = Violation & { fingerprint: string };

/** A failed check with its fingerprint (and each of its schema violations with theirs). */
export type FingerprintedFailure = Omit<CheckFailure, "violations"> & {
  fingerprint: string;
  violations?: FingerprintedViolation[];
};

/** A drift warning with its fingerprint. */
export type FingerprintedDrift = DriftWarning & { fingerprint: string };

/** One step as results.json records it (as read back: a shape referred to by id is the shape itself). */
export interface StepRecord extends Omit<StepResult, "operationId"> {
  /** stable `${suiteId}@${region}/${phase}/${name}`; never the line number */
  key: string;
  /** "Contacts/Create contact", or null (a callback step, an inline request the operation map does not know) */
  operationId: string | null;
  /** "POST" (request steps) */
  method?: string;
  /** "/v1/projects/{project_id}/contacts" from the operation map (request steps) */
  pathTemplate?: string;
  /** the response body's shape (request steps) or the callback body's (callback steps) */
  shape?: Shape;
  failures: FingerprintedFailure[];
  drift: FingerprintedDrift[];
}

/** One suite in one region, as results.json records it. */
export interface SuiteRecord {
  /** "<suiteId>@<region>" */
  key: string;
  suiteId: string;
  name: string;
  file: string;
  region: string;
  tags: string[];
  outcome: Outcome;
  /** the run was interrupted before this suite run's steps were done (absent otherwise) */
  interrupted?: true;
  startedAt: string;
  durationMs: number;
  steps: StepRecord[];
}
