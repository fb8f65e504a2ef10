import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";

/** Reads a source file by absolute path, or undefined when there is none (tests pass in-memory sources). */
export type ReadSource = (file: string) => string | undefined;

/** One parsed module: its constants and imports, enough to follow a path expression to its value. */
export interface ModuleScope {
  file: string;
  source: ts.SourceFile;
  /** `const NAME = <initializer>` at any depth; a name declared twice maps to undefined (ambiguous). */
  consts: Map<string, ts.Expression | undefined>;
  /** Local name -> the module and exported name it was imported from (relative imports only). */
  imports: Map<string, { from: string; name: string }>;
  /** Local names bound to node:path (namespace or default import) and to its resolve/join functions. */
  pathModule: Set<string>;
  pathFunctions: Map<string, "resolve" | "join">;
}

const PATH_MODULES = new Set(["path", "node:path"]);

/** Parse a module once; undefined when the source cannot be read. */
export function parseModule(file: string, read: ReadSource): ModuleScope | undefined {
  const text = read(file);
  if (text === undefined) return undefined;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const scope: ModuleScope = { file, source, consts: new Map(), imports: new Map(), pathModule: new Set(), pathFunctions: new Map() };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) recordImport(scope, node);
    if (ts.isVariableDeclaration(node) && isPathRequire(node.initializer)) recordPathRequire(scope, node.name);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isConst(node)) {
      const name = node.name.text;
      scope.consts.set(name, scope.consts.has(name) ? undefined : node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return scope;
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** `require("path")` or `require("node:path") as typeof import("path")`. */
function isPathRequire(init: ts.Expression | undefined): boolean {
  while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
  return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "require" &&
    init.arguments.length === 1 && ts.isStringLiteral(init.arguments[0]!) && PATH_MODULES.has(init.arguments[0].text);
}

function recordPathRequire(scope: ModuleScope, name: ts.BindingName): void {
  if (ts.isIdentifier(name)) return void scope.pathModule.add(name.text);
  if (!ts.isObjectBindingPattern(name)) return;
  for (const el of name.elements) {
    const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : "";
    if ((imported === "resolve" || imported === "join") && ts.isIdentifier(el.name)) scope.pathFunctions.set(el.name.text, imported);
  }
}

function recordImport(scope: ModuleScope, node: ts.ImportDeclaration): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
  const spec = node.moduleSpecifier.text;
  const clause = node.importClause;
  if (PATH_MODULES.has(spec)) {
    if (clause.name) scope.pathModule.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) scope.pathModule.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        const imported = (el.propertyName ?? el.name).text;
        if (imported === "resolve" || imported === "join") scope.pathFunctions.set(el.name.text, imported);
      }
    }
    return;
  }
  if (!spec.startsWith(".") || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return;
  for (const el of clause.namedBindings.elements) {
    scope.imports.set(el.name.text, { from: resolve(dirname(scope.file), spec), name: (el.propertyName ?? el.name).text });
  }
}

/** The file a relative import names: `./x` is `./x.ts` or `./x/index.ts`. */
export function moduleFile(base: string, read: ReadSource): string | undefined {
  return [`${base}.ts`, resolve(base, "index.ts")].find((f) => read(f) !== undefined);
}

/** Reads real files from disk. */
export const readFromDisk: ReadSource = (file) => (statSync(file, { throwIfNoEntry: false })?.isFile() ? readFileSync(file, "utf8") : undefined);
