/** A position in a source file; line and column are 1-based. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

/** A text file too large to hold as one string: each pass that needs it reads it again, a piece at a time. */
export interface LargeText {
  /** the text in pieces, in order, none of which splits a character */
  pieces(): Iterable<string>;
  /** the whole text at once (a suite with a problem is parsed whole, to place each diagnostic exactly) */
  whole(): string;
}

/** A suite file's text: one string, or read in pieces when it is large. */
export type SuiteText = string | LargeText;
