import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { readTitleMarks, type ParityMark } from "../marks";

/** One test (an `it` / `test` call) found in a test file without running it. */
export interface InventoriedTest {
  /** repository-relative, with / */
  file: string;
  line: number;
  column: number;
  /** the enclosing describe titles, then the test's own title, as written (`%s` of `.each` kept) */
  titles: string[];
  /** the marks of the test's title and of every describe around it */
  marks: ParityMark[];
  /** marks that do not parse, and titles that are not literals (so no mark can be read from them) */
  problems: string[];
}

const SUITE = new Set(["describe"]);
const TEST = new Set(["it", "test"]);
const NOT_LITERAL = "the title is not a literal, so no mark can be read from it";
const MODIFIERS = new Set(["each", "skip", "only", "concurrent", "failing", "todo"]);

/** `it`, `it.skip`, `it.each(table)`, `describe.only`...: the base name, or undefined for any other call. */
function jestName(callee: ts.Expression): string | undefined {
  if (ts.isCallExpression(callee)) return jestName(callee.expression);
  if (ts.isIdentifier(callee)) return SUITE.has(callee.text) || TEST.has(callee.text) ? callee.text : undefined;
  if (ts.isPropertyAccessExpression(callee) && MODIFIERS.has(callee.name.text)) return jestName(callee.expression);
  return undefined;
}

/** `it.each(table)` itself: the call that takes the table, not the test. */
function isEachTable(node: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "each";
}

function literalTitle(arg: ts.Expression | undefined): string | undefined {
  if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) return arg.text;
  // a template's literal parts still carry a mark written at its end
  if (arg && ts.isTemplateExpression(arg)) return arg.head.text + arg.templateSpans.map((s) => `\${}${s.literal.text}`).join("");
  return undefined;
}

type Scope = Pick<InventoriedTest, "titles" | "marks" | "problems">;

/** The tests of one test file's text; `file` is the name they are reported under. */
export function inventorySource(text: string, file: string): InventoriedTest[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const tests: InventoriedTest[] = [];
  const visit = (node: ts.Node, scope: Scope): void => {
    const name = ts.isCallExpression(node) && !isEachTable(node) ? jestName(node.expression) : undefined;
    if (!name || !ts.isCallExpression(node)) return ts.forEachChild(node, (child) => visit(child, scope));
    const title = literalTitle(node.arguments[0]);
    const read = title === undefined ? { marks: [], problems: [NOT_LITERAL] } : readTitleMarks(title);
    const inner: Scope = {
      titles: [...scope.titles, title ?? "?"], marks: [...scope.marks, ...read.marks], problems: [...scope.problems, ...read.problems],
    };
    if (TEST.has(name)) {
      const at = source.getLineAndCharacterOfPosition(node.getStart(source));
      tests.push({ file, line: at.line + 1, column: at.character + 1, ...inner });
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, { titles: [], marks: [], problems: [] });
  return tests;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every test of every `*.test.ts` under `dir`, with its marks, read from the source without running it. */
export function inventoryTests(dir: string, root: string): InventoriedTest[] {
  return testFiles(dir).flatMap((path) => inventorySource(readFileSync(path, "utf8"), relative(root, path).split(sep).join("/")));
}
