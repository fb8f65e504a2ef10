import type { Contract, Diagnostic, OperationRef, SchemaCheck } from "../model";
import type { LoadedSchema, OperationMapFile } from "../load/schemas";
import { callbackSchemaNameOf, SchemaNameIndex, schemaNameOf } from "./names";
import { OperationMatcher, schemaForStatus } from "./operation-matcher";
import { SchemaValidator } from "./schema-validator";

/** What a contract is built from: the loaded schema files and the operation map. */
export interface ContractInput {
  schemas: LoadedSchema[];
  operations: OperationMapFile;
}

function toOperationRefs(map: OperationMapFile): OperationRef[] {
  return Object.entries(map.operations).map(([id, e]) => {
    const responses = Object.fromEntries(Object.entries(e.responses).map(([k, v]) => [k.toLowerCase(), v]));
    const op: OperationRef = { id, method: e.method.toUpperCase(), path: e.path, host: e.host, responses };
    if (e.request !== undefined) op.request = e.request;
    return op;
  });
}

/** The contract: schemas compiled lazily (once each) in one ajv instance, plus the operation map. */
export class SchemaContract implements Contract {
  private readonly names: string[];
  private readonly index: SchemaNameIndex;
  private readonly validator: SchemaValidator;
  private readonly ops: OperationRef[];
  private readonly byId: Map<string, OperationRef>;
  private readonly matcher: OperationMatcher;
  private readonly documents: Map<string, Record<string, unknown>>;

  constructor(input: ContractInput, sink: Diagnostic[] = []) {
    this.validator = new SchemaValidator(input.schemas, sink);
    this.names = input.schemas.map((s) => schemaNameOf(s.id)).filter((n) => this.validator.has(n)).sort();
    this.index = new SchemaNameIndex(this.names);
    this.ops = toOperationRefs(input.operations);
    this.byId = new Map(this.ops.map((op) => [op.id, op]));
    this.matcher = new OperationMatcher(this.ops);
    this.documents = new Map(input.schemas.map((s) => [schemaNameOf(s.id), s.schema]));
  }

  resolveSchemaName(name: string): string | undefined {
    return this.index.resolve(name);
  }

  schemaNames(): string[] {
    return [...this.names];
  }

  operations(): OperationRef[] {
    return [...this.ops];
  }

  operationById(id: string): OperationRef | undefined {
    return this.byId.get(id);
  }

  matchOperation(method: string, path: string): OperationRef | undefined {
    return this.matcher.match(method, path);
  }

  schemaForStatus(op: OperationRef, status: number): string | undefined {
    return schemaForStatus(op, status);
  }

  callbackSchema(trigger: string): string | undefined {
    const name = callbackSchemaNameOf(trigger);
    return this.validator.has(name) ? name : undefined;
  }

  validate(schema: string, data: unknown, options?: { drift?: boolean }): SchemaCheck {
    const name = this.resolveSchemaName(schema);
    if (name === undefined) {
      const message = `unknown schema "${schema}"`;
      return { schema, valid: false, violations: [{ instancePath: "", keyword: "schema", schemaPath: "", message }], drift: [] };
    }
    return this.validator.validate(name, data, options?.drift ?? true);
  }

  schemaDocument(name: string): Readonly<Record<string, unknown>> | undefined {
    const canonical = this.resolveSchemaName(name);
    return canonical === undefined ? undefined : this.documents.get(canonical);
  }

  /** Compile every schema now (e.g. for `check`); unresolvable $refs and the like become diagnostics. */
  compileAll(): Diagnostic[] {
    return this.validator.compileAll(this.names);
  }
}

/** Build a contract; problems with individual schemas go to `sink` and those schemas are left out. */
export function createContract(input: ContractInput, sink?: Diagnostic[]): SchemaContract {
  return new SchemaContract(input, sink);
}
