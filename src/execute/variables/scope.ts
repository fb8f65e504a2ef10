import { dynamicValue, looksDynamic } from "../../vocabulary/dynamic-variables";
import { compileText, renderText, type CompiledText, type Resolver } from "./template";

/** A suite variable that refers to something not known at suite start (a capture): rendered when looked up. */
export class DeferredText {
  constructor(readonly text: CompiledText) {}
}

const MAX_DEPTH = 8;

/**
 * The variables one suite run sees. Lookup order, highest first: captures, exports of needed suites,
 * suite variables, the request's collection/folder variables (non-empty), run variables, dynamic ($...).
 */
export class VariableScope {
  readonly captures = new Map<string, unknown>();
  readonly suite = new Map<string, unknown>();
  readonly exports: Map<string, unknown>;
  private readonly run: Record<string, string>;
  private depth = 0;

  constructor(run: Record<string, string>, exports: Map<string, unknown>) {
    this.run = run;
    this.exports = exports;
  }

  /** Look a name up; template variables (collection/folder) sit between the suite and the run. */
  lookup(name: string, templateVars?: Record<string, string>): unknown {
    let value = this.captures.get(name);
    if (value !== undefined) return value;
    value = this.exports.get(name);
    if (value !== undefined) return value;
    value = this.suite.get(name);
    if (value instanceof DeferredText) return this.renderDeferred(value);
    if (value !== undefined) return value;
    const fromTemplate = templateVars?.[name];
    if (fromTemplate) return fromTemplate;
    const fromRun = this.run[name];
    if (fromRun !== undefined) return fromRun;
    return looksDynamic(name) ? dynamicValue(name) : undefined;
  }

  private renderDeferred(value: DeferredText): string | undefined {
    if (this.depth >= MAX_DEPTH) return undefined;
    this.depth++;
    try {
      const r = this.resolver();
      const text = renderText(value.text, r);
      return r.missing.length > 0 ? undefined : text;
    } finally {
      this.depth--;
    }
  }

  /** Set the suite's `variables`: resolved now where possible, otherwise when first looked up. */
  setSuiteVariables(vars: Record<string, string>): void {
    for (const [name, raw] of Object.entries(vars)) this.suite.set(name, new DeferredText(compileText(String(raw))));
    for (const [name, value] of this.suite) {
      if (!(value instanceof DeferredText)) continue;
      const r = this.resolver();
      const text = renderText(value.text, r);
      if (r.missing.length === 0) this.suite.set(name, text);
    }
  }

  /** A resolver for one request: collects the names it could not resolve. */
  resolver(templateVars?: Record<string, string>): Resolver {
    return new ScopeResolver(this, templateVars);
  }

  /** Whether a name has a value from the run, the suite, exports or captures (dynamic ones excluded). */
  has(name: string): boolean {
    return this.lookup(name) !== undefined && !looksDynamic(name);
  }
}

/** A scope seen through one request's collection variables. */
class ScopeResolver implements Resolver {
  readonly missing: string[] = [];

  constructor(private readonly scope: VariableScope, private readonly templateVars?: Record<string, string>) {}

  lookup(name: string): unknown {
    return this.scope.lookup(name, this.templateVars);
  }
}
