import type { CliIo } from "./io";
import { runCli } from "./run-cli";

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CliIo = { out: (t) => (out += t), err: (t) => (out += t), env: {}, cwd: __dirname, stdoutTty: false, signal: new AbortController().signal };
  const code = await runCli(argv, io);
  return { code, out };
}

describe("emulator --parity", () => {
  it("prints the table per operation and what is not emulated, then exits 0 without serving", async () => {
    const { code, out } = await cli(["emulator", "--parity"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Emulator parity: per operation/);
    expect(out).toMatch(/\nContacts\/Create contact {2}POST \/v1\/projects\/\{project_id\}\/contacts\n {2}status {2}tests {2}expected behaviour from\n {2}200 +\d+ {2}.*fixture: contact-response\.json/);
    expect(out).toContain("gap: an identity is any string");
    expect(out).toMatch(/Templates v2\/Create template .*\(template host\)/);
    expect(out).toMatch(/Not emulated anywhere:\n {2}- Real delivery\./);
    expect(out).not.toContain("Press Ctrl+C");
  });

  it("prints the same as one JSON document with --json", async () => {
    const { code, out } = await cli(["emulator", "--parity", "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    const create = doc.operations.find((op: { id: string }) => op.id === "Contacts/Create contact");
    expect(create).toMatchObject({ method: "POST", path: "/v1/projects/{project_id}/contacts", gaps: [expect.stringContaining("any string")] });
    expect(create.rows[0]).toMatchObject({ status: "200", tests: expect.any(Number), marks: expect.arrayContaining(["fixture: contact-response.json"]) });
    expect(doc.notEmulated[0]).toMatch(/^\*\*Real delivery\.\*\*/);
  });
});
