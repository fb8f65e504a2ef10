import { sampleRun, sampleStep, sampleSuite } from "../report/testing/sample-result";
import { exitCodeFor } from "./exit-code";

const err = (code: string) => sampleStep({ outcome: "error", error: { code, message: "x" } });

describe("exitCodeFor", () => {
  it("is 0 when everything passed", () => {
    expect(exitCodeFor(sampleRun([sampleSuite([sampleStep()])]), false)).toBe(0);
  });
  it("is 1 on a contract failure or a single tool error", () => {
    expect(exitCodeFor(sampleRun([sampleSuite([sampleStep(), sampleStep({ outcome: "failed" })])]), false)).toBe(1);
    expect(exitCodeFor(sampleRun([sampleSuite([sampleStep(), err("CC_NETWORK_ERROR")])]), false)).toBe(1);
  });
  it("is 3 when every step that ran could not reach the target", () => {
    const skipped = sampleStep({ outcome: "skipped" });
    expect(exitCodeFor(sampleRun([sampleSuite([err("CC_NETWORK_ERROR"), err("CC_NETWORK_ERROR"), skipped])]), false)).toBe(3);
  });
  it("is 3 when credentials were rejected, or the run was interrupted", () => {
    expect(exitCodeFor(sampleRun([sampleSuite([sampleStep(), err("CC_CREDENTIALS_REJECTED")])]), false)).toBe(3);
    expect(exitCodeFor(sampleRun([sampleSuite([sampleStep()])]), true)).toBe(3);
  });
});
