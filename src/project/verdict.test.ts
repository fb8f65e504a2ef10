import { sampleRun, sampleStep, sampleSuite } from "../report/testing/sample-result";
import { runVerdict } from "./verdict";

const err = (code: string) => sampleStep({ outcome: "error", error: { code, message: "x" } });
const statusOf = (steps = [sampleStep()], interrupted = false) => runVerdict(sampleRun([sampleSuite(steps)]), interrupted).status;

describe("runVerdict", () => {
  it("passes when everything passed", () => {
    expect(runVerdict(sampleRun([sampleSuite([sampleStep()])]), false)).toEqual({ status: "passed" });
  });
  it("fails on a contract failure or a single tool error", () => {
    expect(statusOf([sampleStep(), sampleStep({ outcome: "failed" })])).toBe("failed");
    expect(statusOf([sampleStep(), err("CC_NETWORK_ERROR")])).toBe("failed");
  });
  it("could not run when every step that ran could not reach the target, and says so", () => {
    const skipped = sampleStep({ outcome: "skipped" });
    const verdict = runVerdict(sampleRun([sampleSuite([err("CC_TARGET_UNREACHABLE"), err("CC_TARGET_UNREACHABLE"), skipped])]), false);
    expect(verdict.status).toBe("could-not-run");
    expect(verdict.reason).toMatchObject({ code: "CC_TARGET_UNREACHABLE", message: expect.stringMatching(/^no step could reach .*: x$/) });
  });
  it("fails (never could-not-run) when the only step that ran timed out, lost its connection or got no token from an endpoint that answered", () => {
    const skipped = sampleStep({ outcome: "skipped" });
    for (const code of ["CC_TIMEOUT", "CC_NETWORK_ERROR", "CC_TOKEN_FAILED"]) {
      for (const steps of [[err(code)], [err(code), skipped, skipped], [err("CC_TARGET_UNREACHABLE"), err(code)]]) {
        expect(runVerdict(sampleRun([sampleSuite(steps)]), false)).toEqual({ status: "failed" });
      }
    }
  });
  it("could not run when credentials were rejected, or the run was interrupted", () => {
    expect(runVerdict(sampleRun([sampleSuite([sampleStep(), err("CC_CREDENTIALS_REJECTED")])]), false)).toMatchObject({ status: "could-not-run", reason: { code: "CC_CREDENTIALS_REJECTED" } });
    expect(runVerdict(sampleRun([sampleSuite([sampleStep()])]), true)).toMatchObject({ status: "could-not-run", reason: { code: "CC_INTERRUPTED" } });
  });
});
