/** A position in a source file; line and column are 1-based. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}
