/** One problem a user can fix, printed like a compiler error. */
export interface Diagnostic {
  /** stable UPPER_SNAKE code with the CC_ prefix, e.g. CC_UNKNOWN_REQUEST */
  code: string;
  severity: "error" | "warning";
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}
