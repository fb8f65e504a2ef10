/** One `## ` group of SCOPE-NOTES.md and its notes. */
export interface ScopeSection {
  heading: string;
  notes: string[];
}

/** The groups of SCOPE-NOTES.md, and the lines that are neither a note nor something it may hold. */
export interface ScopeNotes {
  sections: ScopeSection[];
  problems: { line: number; message: string }[];
}

function isSkipped(line: string): boolean {
  return line.trim() === "" || (line.startsWith("# ") && !line.startsWith("## "));
}

/**
 * Read src/emulator/SCOPE-NOTES.md: each `## ` heading starts a group, each `- ` bullet (with its indented
 * continuation lines) is one note. The `# ` title, `<!-- comments -->`, blank lines and prose before the first group are
 * skipped; anything else inside a group is a problem, so no note is silently dropped.
 */
export function parseScopeNotes(text: string): ScopeNotes {
  const result: ScopeNotes = { sections: [], problems: [] };
  let inComment = false;
  text.split(/\r?\n/).forEach((line, i) => {
    const comment = inComment || line.trimStart().startsWith("<!--");
    inComment = comment && !line.includes("-->");
    const section = result.sections[result.sections.length - 1];
    if (comment || isSkipped(line) || (!section && !line.startsWith("## ") && !line.startsWith("- "))) return;
    if (line.startsWith("## ")) result.sections.push({ heading: line.slice(3).trim(), notes: [] });
    else if (line.startsWith("- ") && section) section.notes.push(line.slice(2).trim());
    else if (/^\s+\S/.test(line) && section?.notes.length) section.notes[section.notes.length - 1] += ` ${line.trim()}`;
    else result.problems.push({ line: i + 1, message: `write each note as a "- " bullet under a "## " heading (found "${line.trim().slice(0, 60)}")` });
  });
  return result;
}
