import { JSONPath } from "jsonpath-plus";

const OPEN: Record<string, string> = { "[": "]", "(": ")" };

/** Brackets and parentheses balanced outside quotes; the first problem, if any. */
function balanceProblem(path: string): string | undefined {
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i] as string;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (OPEN[ch]) stack.push(OPEN[ch] as string);
    else if (ch === "]" || ch === ")") {
      if (stack.pop() !== ch) return `unexpected "${ch}" at character ${i + 1}`;
    }
  }
  if (quote) return "unclosed quote";
  if (stack.length > 0) return `missing "${stack[stack.length - 1]}"`;
  return undefined;
}

/** jsonpath-plus's evaluator of filter and script expressions; it parses an expression when built from it. */
const ExpressionScript = (JSONPath.prototype as unknown as { safeVm: { Script: new (code: string) => unknown } }).safeVm.Script;

/** A filter `?(...)` or script `(...)` segment that the evaluator could not parse, as jsonpath-plus would run it. */
function expressionProblem(segments: string[]): string | undefined {
  for (const segment of segments) {
    const expression = /^\??\((.*)\)$/s.exec(segment)?.[1];
    if (expression === undefined) continue;
    if (expression.trim() === "") return `empty expression ${segment}`;
    // the same renaming jsonpath-plus does before it evaluates: @ is the current value, @root, @parent, ... its context
    const code = expression.replace(/@(parentProperty|parent|property|root|path)\b/g, "_$$_$1").replace(/@(?=[.\s)[]|$)/g, "_$$_v");
    try {
      new ExpressionScript(code);
    } catch (err) {
      return `in ${segment}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return undefined;
}

/** Why a JSONPath expression is invalid, or undefined when it is fine. */
export function jsonPathProblem(path: string): string | undefined {
  if (!path.startsWith("$")) return "a JSONPath starts with $";
  if (path.length > 1 && !/^\$(\.|\[)/.test(path)) return "after $ comes . or [";
  const unbalanced = balanceProblem(path);
  if (unbalanced) return unbalanced;
  if (/\.$/.test(path)) return "ends with a dot";
  if (/\[\s*\]/.test(path)) return "empty brackets";
  if (/\.{3,}/.test(path)) return "too many dots";
  let segments: string[];
  try {
    segments = JSONPath.toPathArray(path);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return expressionProblem(segments);
}
