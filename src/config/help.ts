import { COMMANDS, DEFAULTS, OPTIONS, type CommandName, type OptionSpec } from "./options";

const BIN = "conversation-contract";

/** The default worth showing: a value, a non-empty list; not false, empty or absent. */
function shownDefault(o: OptionSpec): string | undefined {
  const d = DEFAULTS[o.key];
  if (d === undefined || d === false || d === "") return undefined;
  if (Array.isArray(d)) return d.length > 0 ? d.join(",") : undefined;
  return String(d);
}

/** --help text generated from the option table, with each option's default; one command's options when a command is given. */
export function formatHelp(command?: CommandName): string {
  const lines: string[] = [];
  if (command) {
    lines.push(`Usage: ${BIN} ${COMMANDS[command].usage} [options]`, "", COMMANDS[command].summary, "");
  } else {
    lines.push(`Usage: ${BIN} <command> [options]`, "", "Commands:");
    for (const c of Object.values(COMMANDS)) lines.push(`  ${c.usage.padEnd(30)} ${c.summary}`);
    lines.push(`  ${"help [COMMAND]".padEnd(30)} this help, or one command's options`, "");
  }
  lines.push("Options:");
  const shown = OPTIONS.filter((o) => !command || !o.commands || o.commands.includes(command));
  const rows = shown.map((o) => {
    const short = o.short ? `-${o.short}, ` : "";
    const left = `  ${short}--${o.flag}${o.valueName ? ` ${o.valueName}` : ""}`;
    const byDefault = shownDefault(o);
    const notes = [byDefault !== undefined ? `default ${byDefault}` : "", o.env ? `env ${o.env}` : "", !command && o.commands ? o.commands.join("/") : ""].filter(Boolean);
    return { left, right: o.description + (notes.length ? ` [${notes.join("; ")}]` : "") };
  });
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  for (const r of rows) lines.push(r.left.padEnd(width) + r.right);
  lines.push("", "Exit codes: 0 all passed, 1 a contract check failed, 2 invalid input, 3 the run could not happen.");
  return lines.join("\n") + "\n";
}
