import type { Step, Suite } from "../model";
import { secretValuesIn } from "../vocabulary/secrets";
import { suiteSteps } from "../vocabulary/suite-steps";
import { KeySetFingerprint } from "./fingerprint";

/**
 * What the start of a run asks of every step of a suite: whether one waits for a callback (the console says where
 * callbacks go), what its author wrote under secret-like keys (the redactor learns it) and the hash of its steps (the
 * plan's fingerprint). Found in one pass over its steps and kept with the suite: a large suite's steps are read back
 * from the start-up cache a part at a time, so each question asked on its own cost a read of them all.
 */
export interface SuiteFacts {
  waitsForCallback: boolean;
  /** the values under secret-like keys of its variables and steps, placeholders left out */
  writtenSecrets: string[];
  /** an order-free hash of its steps' phases and names */
  stepsDigest: string;
}

const known = new WeakMap<Suite, SuiteFacts>();

/** One pass over a suite's steps that finds its facts; `check` makes it alongside its own, so a run makes no other. */
export class SuiteFactsPass {
  private waitsForCallback = false;
  private readonly writtenSecrets: string[];
  private readonly steps = new KeySetFingerprint();

  constructor(private readonly suite: Suite) {
    this.writtenSecrets = secretValuesIn({ variables: suite.variables });
  }

  visit(step: Step): void {
    if (step.kind === "callback") this.waitsForCallback = true;
    // what the author wrote, without where (source positions are keyed by field path)
    const { fieldPos: _fieldPos, pos: _pos, ...written } = step;
    for (const secret of secretValuesIn(written)) this.writtenSecrets.push(secret);
    this.steps.add(stepOfSuite(step));
  }

  /** The facts, kept with the suite for whoever asks next. */
  finish(): SuiteFacts {
    const facts = { waitsForCallback: this.waitsForCallback, writtenSecrets: [...new Set(this.writtenSecrets)], stepsDigest: this.steps.digest() };
    known.set(this.suite, facts);
    return facts;
  }
}

/** A step's key within its suite (the step key without the suite's). */
export function stepOfSuite(step: { phase: string; name: string }): string {
  return `${step.phase}/${step.name}`;
}

/** The suite's facts: those found before (a suite is not changed once planned), else found now in one pass. */
export function suiteFacts(suite: Suite): SuiteFacts {
  const found = known.get(suite);
  if (found) return found;
  const pass = new SuiteFactsPass(suite);
  for (const step of suiteSteps(suite)) pass.visit(step);
  return pass.finish();
}
