import { summarizeMarks, paritySummary, type ParityOperation, type ParityRow } from "./table";

const UNSEEN = "no test saw this status";

function summaryLine(table: ParityOperation[]): string {
  const s = paritySummary(table);
  return `${s.operations} operations; ${s.statuses} statuses seen by the emulator's tests (${s.emulatorOnly} of them only by emulator-only tests), ${s.unseen} declared statuses no test saw.`;
}

function textRow(row: ParityRow): string {
  const from = row.tests === 0 ? UNSEEN : summarizeMarks(row.marks) || "(no mark bears on this reply)";
  return `  ${row.status.padEnd(6)} ${String(row.tests).padStart(5)}  ${from}`;
}

/** The parity table as `emulator --parity` prints it, with the scope statement after it. */
export function renderParityText(table: ParityOperation[], scope: string[]): string {
  const lines = ["Emulator parity: per operation, the statuses its tests saw and where the expected behaviour comes from", summaryLine(table), ""];
  for (const op of table) {
    lines.push(`${op.id}  ${op.method} ${op.path}${op.host === "conversation" ? "" : ` (${op.host} host)`}`, "  status  tests  expected behaviour from");
    lines.push(...op.rows.map(textRow), ...op.gaps.map((g) => `  gap: ${g}`), "");
  }
  lines.push("Not emulated anywhere:", ...scope.map((note) => `  - ${note.replace(/\*\*/g, "")}`));
  return `${lines.join("\n")}\n`;
}

function markdownRow(row: ParityRow): string {
  const from = row.tests === 0 ? `**${UNSEEN}**` : summarizeMarks(row.marks).replace(/([\w.-]+\.json)/g, "`$1`") || "(no mark bears on this reply)";
  return `| ${row.status} | ${row.tests} | ${from} |`;
}

/** The README's generated parity section: one table per operation. */
export function renderParityMarkdown(table: ParityOperation[]): string {
  const lines = [summaryLine(table), "", "<details><summary>The table, operation by operation</summary>", ""];
  for (const op of table) {
    lines.push(`#### ${op.id}`, "", `\`${op.method} ${op.path}\`${op.host === "conversation" ? "" : ` (${op.host} host)`}`, "");
    lines.push("| status | tests | expected behaviour from |", "|---|---|---|", ...op.rows.map(markdownRow), "");
    if (op.gaps.length) lines.push(...op.gaps.map((g) => `- gap: ${g}`), "");
  }
  lines.push("</details>");
  return lines.join("\n");
}

/** The README's generated scope statement: one bullet per note. */
export function renderScopeMarkdown(scope: string[]): string {
  return scope.map((note) => `- ${note}`).join("\n");
}
