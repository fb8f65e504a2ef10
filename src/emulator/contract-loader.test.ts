import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiagnosticError } from "../diagnostics";
import { loadOwnContract } from "./contract-loader";
import { startEmulator } from "./index";

describe("loadOwnContract [emulator-only]", () => {
  it("loads the package's schemas/", () => {
    const contract = loadOwnContract();
    expect(contract?.resolveSchemaName("Contact")).toBe("contact");
  });

  it("throws a DiagnosticError naming the directory when schemas/ is missing", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "cc-emu-contract-")), "nope");
    let error: unknown;
    try {
      loadOwnContract(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiagnosticError);
    const first = (error as DiagnosticError).diagnostics[0];
    expect(first).toMatchObject({ code: "CC_SCHEMA_INVALID", severity: "error" });
    expect(first?.message).toContain(`cannot load its contract from ${dir}`);
  });

  it("throws when a schema file is broken", () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-emu-contract-"));
    writeFileSync(join(dir, "operations.json"), JSON.stringify({ operations: {} }));
    writeFileSync(join(dir, "contact.schema.json"), "{ not json");
    expect(() => loadOwnContract(dir)).toThrow(DiagnosticError);
  });

  it("lets startEmulator start with validateRequests: false", async () => {
    const handle = await startEmulator({ validateRequests: false });
    try {
      expect(handle.info.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_emulator$/);
    } finally {
      await handle.close();
    }
  });
});
