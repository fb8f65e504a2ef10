import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { moduleFile, parseModule, type ModuleScope, type ReadSource } from "./module-scope";

/** What evaluating a path expression needs: jest's working directory, a source reader, parsed modules. */
export interface EvalContext {
  cwd: string;
  read: ReadSource;
  modules: Map<string, ModuleScope | undefined>;
}

/** Deep enough for a constant built from an imported constant built from `__dirname`; stops cycles. */
const MAX_DEPTH = 20;

/** Which node:path function a call is (`resolve(...)`, `path.join(...)`), if it is one. */
export function pathFunctionOf(call: ts.CallExpression, scope: ModuleScope): "resolve" | "join" | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return scope.pathFunctions.get(callee.text);
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && scope.pathModule.has(callee.expression.text)) {
    const name = callee.name.text;
    return name === "resolve" || name === "join" ? name : undefined;
  }
  return undefined;
}

/** The value an expression always has, when it is built only from literals, constants, `__dirname` and node:path. */
export function evaluatePath(expr: ts.Expression, scope: ModuleScope, ctx: EvalContext, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const next = (e: ts.Expression): string | undefined => evaluatePath(e, scope, ctx, depth + 1);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) return next(expr.expression);
  if (ts.isTemplateExpression(expr)) return joinParts([expr.head.text, ...expr.templateSpans.flatMap((s) => [next(s.expression), s.literal.text])]);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return joinParts([next(expr.left), next(expr.right)]);
  if (ts.isIdentifier(expr)) return evaluateName(expr.text, scope, ctx, depth);
  if (ts.isCallExpression(expr)) return evaluateCall(expr, scope, next, ctx.cwd);
  return undefined;
}

function joinParts(parts: (string | undefined)[]): string | undefined {
  return parts.every((p): p is string => p !== undefined) ? parts.join("") : undefined;
}

function evaluateCall(call: ts.CallExpression, scope: ModuleScope, next: (e: ts.Expression) => string | undefined, cwd: string): string | undefined {
  const fn = pathFunctionOf(call, scope);
  if (!fn) return undefined;
  const args = joinArgs(call.arguments.map(next));
  if (!args) return undefined;
  // resolve() starts from the working directory, which is the repository root under jest
  return fn === "resolve" ? resolve(cwd, ...args) : join(...args);
}

function joinArgs(args: (string | undefined)[]): string[] | undefined {
  return args.every((a): a is string => a !== undefined) ? args : undefined;
}

function evaluateName(name: string, scope: ModuleScope, ctx: EvalContext, depth: number): string | undefined {
  if (name === "__dirname") return dirname(scope.file);
  if (name === "__filename") return scope.file;
  const init = scope.consts.get(name);
  if (init) return evaluatePath(init, scope, ctx, depth + 1);
  const imported = scope.imports.get(name);
  const module = imported && loadModule(imported.from, ctx);
  const exported = module?.consts.get(imported!.name);
  return module && exported ? evaluatePath(exported, module, ctx, depth + 1) : undefined;
}

function loadModule(base: string, ctx: EvalContext): ModuleScope | undefined {
  const file = moduleFile(base, ctx.read);
  if (!file) return undefined;
  if (!ctx.modules.has(file)) ctx.modules.set(file, parseModule(file, ctx.read));
  return ctx.modules.get(file);
}
