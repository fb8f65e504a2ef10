import { createRedactor, makeDiagnostic } from "../diagnostics";
import { createDiagnosticSink, redactDiagnostic, type DiagnosticBatch } from "./diagnostic-sink";

describe("diagnostic sink", () => {
  it("keeps every diagnostic in order and forwards each non-empty batch once", () => {
    const batches: DiagnosticBatch[] = [];
    const sink = createDiagnosticSink((b) => batches.push(b));
    const sources = new Map([["a.yaml", "x"]]);
    sink.add([makeDiagnostic("CC_NOTHING_SELECTED", "first")], sources);
    sink.add([]);
    sink.add([makeDiagnostic("CC_REPORT_WRITE", "second"), makeDiagnostic("CC_REPORT_WRITE", "third")]);
    expect(sink.all.map((d) => d.message)).toEqual(["first", "second", "third"]);
    expect(batches.map((b) => b.diagnostics.length)).toEqual([1, 2]);
    expect(batches[0]?.sources).toBe(sources);
    expect(batches[1]).not.toHaveProperty("sources");
  });

  it("redacts the message and hint of a diagnostic raised during a run", () => {
    const secret = "client-secret-9f8e7d";
    const d = redactDiagnostic(makeDiagnostic("CC_REPORT_WRITE", `could not write ${secret}`, { file: "f" }, `hint ${secret}`), createRedactor([secret]));
    expect(d).toMatchObject({ message: "could not write [REDACTED]", hint: "hint [REDACTED]", file: "f" });
  });
});
