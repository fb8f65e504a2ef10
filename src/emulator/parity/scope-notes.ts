/** The bullets of SCOPE-NOTES.md, and the lines that are neither a bullet nor something it may hold. */
export interface ScopeNotes {
  notes: string[];
  problems: { line: number; message: string }[];
}

/**
 * Read src/emulator/SCOPE-NOTES.md: `# headings`, `<!-- comments -->` and blank lines are skipped, every `- ` bullet
 * (with its indented continuation lines) is one note. Anything else is a problem, so no note is silently dropped.
 */
export function parseScopeNotes(text: string): ScopeNotes {
  const result: ScopeNotes = { notes: [], problems: [] };
  let inComment = false;
  text.split(/\r?\n/).forEach((line, i) => {
    const comment = inComment || line.trimStart().startsWith("<!--");
    inComment = comment && !line.includes("-->");
    if (comment || line.trim() === "" || line.startsWith("#")) return;
    if (line.startsWith("- ")) result.notes.push(line.slice(2).trim());
    else if (/^\s+\S/.test(line) && result.notes.length > 0) result.notes[result.notes.length - 1] += ` ${line.trim()}`;
    else result.problems.push({ line: i + 1, message: `write each note as a "- " bullet (found "${line.trim().slice(0, 60)}")` });
  });
  return result;
}
