import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import ts from "typescript";
import { evaluatePath, pathFunctionOf, type EvalContext } from "./evaluate-path";
import { parseModule, readFromDisk, type ModuleScope, type ReadSource } from "./module-scope";

/** A place in test code that reaches outside the repository. */
export interface OutsidePath {
  file: string;
  line: number;
  column: number;
  reason: string;
}

/** What a scan needs: the repository root (also jest's working directory) and where sources come from. */
export interface ScanContext {
  repoRoot: string;
  read?: ReadSource;
}

/** Top-level folders that hold one machine's or one user's files: a literal path into them works on one machine only. */
const MACHINE_ROOTS = new Set(["home", "Users", "root", "work", "tmp", "mnt", "opt", "var", "private", "srv", "media"]);
const FILE_FUNCTIONS = /^(readFile|readdir|exists|stat|lstat|access|open|opendir|cp|copyFile|createReadStream)(Sync)?$/;
const HOME_VARIABLES = new Set(["HOME", "USERPROFILE"]);
/** jest functions whose first argument is a module specifier. */
const JEST_MODULE_FUNCTIONS = new Set(["mock", "unmock", "doMock", "dontMock", "requireActual", "requireMock", "createMockFromModule"]);

/** Every place in one source file whose path leaves the repository, as far as it can be known without running it. */
export function findOutsidePaths(file: string, ctx: ScanContext): OutsidePath[] {
  const read = ctx.read ?? readFromDisk;
  const scope = parseModule(file, read);
  if (!scope) return [];
  const evalCtx: EvalContext = { cwd: ctx.repoRoot, read, modules: new Map([[file, scope]]) };
  const found: OutsidePath[] = [];
  const report = (node: ts.Node, reason: string): void => {
    const { line, character } = scope.source.getLineAndCharacterOfPosition(node.getStart(scope.source));
    found.push({ file, line: line + 1, column: character + 1, reason });
  };
  const visit = (node: ts.Node): void => {
    const reason = outsideReason(node, scope, evalCtx, ctx.repoRoot);
    if (reason) return report(node, reason); // the expression as a whole is reported once, not each of its parts
    ts.forEachChild(node, visit);
  };
  visit(scope.source);
  return found;
}

function outsideReason(node: ts.Node, scope: ModuleScope, ctx: EvalContext, root: string): string | undefined {
  if (ts.isCallExpression(node) && isHomedirCall(node)) return "reads the user's home directory";
  if (isHomeVariable(node)) return "reads the user's home directory from the environment";
  if (ts.isCallExpression(node) && pathFunctionOf(node, scope)) return pathCallReason(node, scope, ctx, root);
  if (ts.isCallExpression(node) && isFileCall(node)) return fileCallReason(node, scope, ctx, root);
  if (ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
    return builtStringReason(node, scope, ctx, root);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return literalReason(node, scope);
  return undefined;
}

/** resolve()/join() always build a file path: relative results start at the working directory. */
function pathCallReason(node: ts.CallExpression, scope: ModuleScope, ctx: EvalContext, root: string): string | undefined {
  const value = evaluatePath(node, scope, ctx);
  return value === undefined ? undefined : outsideReasonOf(resolve(root, value), root);
}

/** `readFileSync("../x")`: a relative path handed straight to node:fs starts at the working directory too. */
function fileCallReason(node: ts.CallExpression, scope: ModuleScope, ctx: EvalContext, root: string): string | undefined {
  const value = node.arguments[0] && evaluatePath(node.arguments[0], scope, ctx);
  return value === undefined ? undefined : outsideReasonOf(resolve(root, value), root);
}

/** A template or concatenation is a file path only when it is absolute on this machine (`/v1/...` is a URL path). */
function builtStringReason(node: ts.Expression, scope: ModuleScope, ctx: EvalContext, root: string): string | undefined {
  const value = evaluatePath(node, scope, ctx);
  return value !== undefined && isMachinePath(value) ? outsideReasonOf(value, root) : undefined;
}

function outsideReasonOf(target: string, root: string): string | undefined {
  return isInside(root, target) ? undefined : `resolves to ${target}, outside the repository ${root}`;
}

function literalReason(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, scope: ModuleScope): string | undefined {
  if (isModuleSpecifier(node) || isPathCallArgument(node, scope)) return undefined;
  return isMachinePath(node.text) ? `absolute path "${node.text}" exists on one machine only` : undefined;
}

/** A node:fs call that takes a path first (`readFileSync`, `fs.existsSync`, `createReadStream`...). */
function isFileCall(call: ts.CallExpression): boolean {
  return FILE_FUNCTIONS.test(calleeName(call));
}

/** `f` for `f(...)` and `x.f(...)`. */
function calleeName(call: ts.CallExpression): string {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
}

/** `/work/...`, `/home/...`, `C:\...`, or any absolute path whose first folder exists on this machine (`/v1/...` does not). */
function isMachinePath(text: string): boolean {
  if (/^[A-Za-z]:[\\/]/.test(text)) return true;
  const first = /^\/([^/\s{}:?#]+)/.exec(text)?.[1];
  if (!first) return false;
  return MACHINE_ROOTS.has(first) || statSync(`/${first}`, { throwIfNoEntry: false }) !== undefined;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return !rel.startsWith("..") && !isAbsolute(rel);
}

function isHomedirCall(call: ts.CallExpression): boolean {
  return calleeName(call) === "homedir";
}

/** `process.env.HOME` or `process.env["HOME"]`. */
function isHomeVariable(node: ts.Node): boolean {
  const onEnv = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && e.name.text === "env" && e.expression.getText() === "process";
  if (ts.isPropertyAccessExpression(node)) return onEnv(node.expression) && HOME_VARIABLES.has(node.name.text);
  if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)) {
    return onEnv(node.expression) && HOME_VARIABLES.has(node.argumentExpression.text);
  }
  return false;
}

/** Import specifiers, `require(...)`, `require.resolve(...)` and `jest.mock(...)`: relative to the file, and checked by the compiler. */
function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (!ts.isCallExpression(parent) || parent.arguments[0] !== node) return false;
  const callee = parent.expression;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === "require";
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const [owner, fn] = [callee.expression.text, callee.name.text];
  return (owner === "require" && fn === "resolve") || (owner === "jest" && JEST_MODULE_FUNCTIONS.has(fn));
}

/** Arguments of resolve()/join() are judged with the whole call, not one by one. */
function isPathCallArgument(node: ts.Node, scope: ModuleScope): boolean {
  return ts.isCallExpression(node.parent) && node.parent.arguments.includes(node as ts.Expression) && pathFunctionOf(node.parent, scope) !== undefined;
}

/** The test code of the repository: tests, their helpers (`testing/`, `e2e/`, `testdata/`) and the benchmarks. */
export function listTestSources(repoRoot: string): string[] {
  const isTestCode = (rel: string): boolean =>
    rel.endsWith(".test.ts") || /(^|\/)(testing|e2e|testdata|bench)\//.test(rel);
  return walk(join(repoRoot, "src"))
    .filter((f) => f.endsWith(".ts") && isTestCode(relative(join(repoRoot, "src"), f).split("\\").join("/")))
    .sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
}
