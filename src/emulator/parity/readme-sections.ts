/** The README sections `npm run gen:parity` writes between `<!-- generated: NAME ... -->` and `<!-- end NAME -->`. */
export const README_SECTIONS = ["emulator-scope", "emulator-parity"] as const;

/** One generated section of README.md. */
export type ReadmeSection = (typeof README_SECTIONS)[number];

function bounds(text: string, name: ReadmeSection): { from: number; to: number } | undefined {
  const open = new RegExp(`<!-- generated: ${name}[^>]*-->\\n`).exec(text);
  const close = text.indexOf(`<!-- end ${name} -->`);
  if (!open || close < open.index) return undefined;
  return { from: open.index + open[0].length, to: close };
}

/** The text of a generated section (without its markers), or undefined when its markers are missing. */
export function readSection(text: string, name: ReadmeSection): string | undefined {
  const b = bounds(text, name);
  return b && text.slice(b.from, b.to).replace(/\n$/, "");
}

/** README.md with the section's text replaced, or undefined when its markers are missing. */
export function writeSection(text: string, name: ReadmeSection, body: string): string | undefined {
  const b = bounds(text, name);
  return b && `${text.slice(0, b.from)}${body}\n${text.slice(b.to)}`;
}
