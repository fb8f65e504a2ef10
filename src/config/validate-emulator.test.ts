import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveConfig } from "./resolve";

/** The emulator command's config from a config file in a fresh directory, plus flags and environment. */
function resolveWith(file: Record<string, unknown>, argv: string[] = [], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), "cc-emu-config-"));
  writeFileSync(join(cwd, "conversation-contract.config.json"), JSON.stringify(file, null, 2));
  return resolveConfig({ argv: ["emulator", ...argv], env, cwd });
}

describe("the emulator's identity options", () => {
  it("come from the config file, the environment and flags, later winning", () => {
    const { config, diagnostics } = resolveWith(
      { "project-id": "from-file", "client-id": "file-key", "token-lifetime": 60 },
      ["--delivery-ms", "5"],
      { CC_EMULATOR_CLIENT_ID: "env-key", CC_EMULATOR_CLIENT_SECRET: "env-secret" },
    );
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ projectId: "from-file", clientId: "env-key", clientSecret: "env-secret", tokenLifetime: 60, deliveryMs: 5 });
  });

  it("refuse an empty secret in the config file at its line, without echoing anything secret", () => {
    const { config, diagnostics } = resolveWith({ "client-secret": "", "token-lifetime": 86401 });
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.message, d.line])).toEqual([
      ["CC_BAD_OPTION", '"client-secret" is empty', 2],
      ["CC_BAD_OPTION", '"token-lifetime": 86401: out of range', 3],
    ]);
  });

  it("apply to the emulator command only", () => {
    const { diagnostics } = resolveConfig({ argv: ["run", "--client-secret", "s3cr3t-value"], env: {}, cwd: tmpdir() });
    expect(diagnostics.map((d) => d.message)).toEqual(['option --client-secret does not apply to "run"']);
  });
});
