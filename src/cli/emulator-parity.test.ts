import type { CliIo } from "./io";
import { runCli } from "./run-cli";

describe("emulator --parity", () => {
  it("prints the table per operation and what is not emulated, then exits 0 without serving", async () => {
    let out = "";
    const io: CliIo = { out: (t) => (out += t), err: (t) => (out += t), env: {}, cwd: __dirname, stdoutTty: false, signal: new AbortController().signal };
    expect(await runCli(["emulator", "--parity"], io)).toBe(0);
    expect(out).toMatch(/^Emulator parity: per operation/);
    expect(out).toMatch(/\nContacts\/Create contact {2}POST \/v1\/projects\/\{project_id\}\/contacts\n {2}status {2}tests {2}expected behaviour from\n {2}200 +\d+ {2}.*fixture: contact-response\.json/);
    expect(out).toContain("gap: an identity is any string");
    expect(out).toMatch(/Templates v2\/Create template .*\(template host\)/);
    expect(out).toMatch(/Not emulated anywhere:\n {2}- Real delivery\./);
    expect(out).not.toContain("Press Ctrl+C");
  });
});
