import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { LargeText } from "../model";
import type { SuiteSchema } from "../parse/suite-validator";
import { parseSuite } from "../parse/suite";
import { compiledSchemaMemo, createSuiteParser, metaSchemaMemo, startupCache } from "./startup-cache";
import { STORED_AFTER_STEPS } from "./suite-parts";
import { leakedPart, Random, randomSecret, SECRET_KEYS } from "../diagnostics/testing/secret-cases";

const schemaText = readFileSync(resolve(__dirname, "../../schemas/suite.schema.json"), "utf8");
const schema = () => JSON.parse(schemaText) as SuiteSchema;
const SUITE = "name: One\nsteps:\n  - name: create\n    request: Things/Create thing\n    body: { size: 2 }\n    expect: { status: 200, body: { $.size: { gte: 1 } } }\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cc-startup-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entries = () => readdirSync(dir).filter((f) => f.startsWith("suite-"));

describe("createSuiteParser", () => {
  it("serves a clean suite from the cache, equal to a fresh parse", () => {
    const cache = startupCache(dir);
    const first = createSuiteParser(schema(), cache)(SUITE, "suites/one.yaml");
    expect(entries()).toHaveLength(1);
    const second = createSuiteParser(schema(), cache)(SUITE, "suites/one.yaml");
    expect(second).toEqual(first);
    expect(second).toEqual(parseSuite(SUITE, "suites/one.yaml", schema()));
  });

  it("takes a large text in pieces: stored and served as the same text whole; one that changed between its reads is not stored", () => {
    const text = `${SUITE}${"  - name: get\n    request: Things/Get thing\n".repeat(STORED_AFTER_STEPS + 10).replace(/name: get/g, () => `name: get ${Math.random()}`)}`;
    const inPieces = (...texts: string[]): LargeText => {
      let reads = 0;
      return {
        *pieces() {
          const read = texts[Math.min(reads++, texts.length - 1)]!;
          for (let at = 0; at < read.length; at += 1000) yield read.slice(at, at + 1000);
        },
        whole: () => texts.at(-1)!,
      };
    };
    const expected = parseSuite(text, "suites/big.yaml", schema());
    const changed = createSuiteParser(schema(), startupCache(dir))(inPieces(text, text.replace("name: One", "name: Two")), "suites/big.yaml");
    expect(changed.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(["CC_FILE_UNREADABLE: suites/big.yaml changed while it was read"]);
    expect(entries()).toEqual([]);
    const fresh = createSuiteParser(schema(), startupCache(dir))(inPieces(text), "suites/big.yaml");
    expect(entries()).toHaveLength(1);
    const cached = createSuiteParser(schema(), startupCache(dir))(inPieces(text), "suites/big.yaml");
    for (const parsed of [fresh, cached]) expect(JSON.stringify(parsed)).toBe(JSON.stringify(expected));
    expect(JSON.stringify(createSuiteParser(schema(), startupCache(dir))(text, "suites/big.yaml"))).toBe(JSON.stringify(expected));
  });

  it("stores positions compactly: the file's path once per suite, not in every position of every step", () => {
    // entries are sealed, so measure instead of reading: a path 1000 characters longer makes the entry ~1000 longer
    const entrySize = (path: string) => {
      createSuiteParser(schema(), startupCache(dir))(SUITE, path);
      const name = entries().find((e) => !sizes.has(e))!;
      sizes.set(name, readFileSync(join(dir, name)).length);
      return sizes.get(name)!;
    };
    const sizes = new Map<string, number>();
    const short = entrySize("suites/s.yaml");
    const file = `/a/${"long/".repeat(200)}path/suites/contacts-lifecycle.yaml`;
    expect(entrySize(file) - short).toBeLessThan(2 * (file.length - "suites/s.yaml".length));
    const fresh = createSuiteParser(schema(), startupCache(dir))(SUITE, file);
    const cached = createSuiteParser(schema(), startupCache(dir))(SUITE, file);
    expect(cached).toEqual(fresh);
    expect(cached.suite?.steps[0]?.fieldPos["expect.status"]).toEqual({ file, line: 6, column: 23 });
  });

  it("gives back a suite whose data has a __proto__ key exactly as parsed (an own key, not a prototype)", () => {
    const text = 'name: One\nsteps:\n  - name: a\n    request: A/b\n    body: { "__proto__": { x: 1 }, y: [ { "__proto__": 2 } ] }\n    expect: { status: 200 }\n';
    const fresh = createSuiteParser(schema(), startupCache(dir))(text, "suites/p.yaml");
    expect(entries()).toHaveLength(1);
    const cached = createSuiteParser(schema(), startupCache(dir))(text, "suites/p.yaml");
    expect(cached).toEqual(fresh);
    const body = cached.suite?.steps[0] as unknown as { body: Record<string, unknown> };
    expect(Object.getPrototypeOf(body.body)).toBe(Object.getPrototypeOf(fresh.suite?.steps[0] && (fresh.suite.steps[0] as unknown as { body: object }).body));
    expect(JSON.stringify(cached.suite)).toBe(JSON.stringify(fresh.suite));
  });

  it("gives back a suite whose own data looks like a stored position exactly as parsed", () => {
    const text = 'name: One\nsteps:\n  - name: a\n    request: A/b\n    body: { a: ["\\0pos", 1, 2], b: { file: suites/m.yaml, line: 1, column: 2 }, c: [1, 2] }\n';
    const fresh = createSuiteParser(schema(), startupCache(dir))(text, "suites/m.yaml");
    expect(fresh.suite?.steps[0]).toMatchObject({ body: { a: ["\u0000pos", 1, 2], b: { file: "suites/m.yaml", line: 1, column: 2 }, c: [1, 2] } });
    expect(entries()).toHaveLength(1);
    const cached = createSuiteParser(schema(), startupCache(dir))(text, "suites/m.yaml");
    expect(cached).toEqual(fresh);
    expect(JSON.stringify(cached.suite)).toBe(JSON.stringify(fresh.suite));
  });

  it("parses again when the text changes, and never caches a suite with diagnostics", () => {
    const cache = startupCache(dir);
    createSuiteParser(schema(), cache)(SUITE, "suites/one.yaml");
    const changed = createSuiteParser(schema(), cache)(SUITE.replace("name: create", "name: make"), "suites/one.yaml");
    expect(changed.suite?.steps[0]?.name).toBe("make");
    expect(entries()).toHaveLength(1);
    const broken = createSuiteParser(schema(), cache)("name: x\n", "suites/two.yaml");
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["CC_MISSING_KEY"]);
    expect(createSuiteParser(schema(), cache)("name: x\n", "suites/two.yaml").diagnostics.map((d) => d.code)).toEqual(["CC_MISSING_KEY"]);
    expect(entries()).toHaveLength(1);
  });

  it("ignores a corrupt entry and does not use entries of another tool version", () => {
    const cache = startupCache(dir);
    const fresh = createSuiteParser(schema(), cache)(SUITE, "suites/one.yaml");
    const [name] = entries();
    writeFileSync(join(dir, name!), "{ truncated");
    expect(createSuiteParser(schema(), cache)(SUITE, "suites/one.yaml")).toEqual(fresh);
    const path = join(dir, entries()[0]!);
    const [header, ...parts] = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(parts).toHaveLength(2); // its one step, then the suite without steps
    const [iv, tag, data = ""] = parts[1]!.split(".");
    const changed = `${iv}.${tag}.${data[0] === "A" ? "B" : "A"}${data.slice(1)}`; // sealed: any change fails its tag
    for (const tampered of [[header, parts[0], changed], [header, parts[0]], [header, parts[1], parts[0]], [header, parts[0], parts[1], parts[1]]]) {
      writeFileSync(path, `${tampered.join("\n")}\n`);
      expect(createSuiteParser(schema(), cache)(SUITE, "suites/one.yaml")).toEqual(fresh);
    }
    const other = { ...cache, toolVersion: "99.0.0" };
    createSuiteParser(schema(), other)(SUITE, "suites/one.yaml");
    expect(entries()).toHaveLength(1); // the other version's entry replaced this one rather than reading it
  });

  it("stores a large suite in parts and serves it whole, in order", () => {
    const steps = Array.from({ length: 1203 }, (_, i) => `  - name: step ${i}\n    request: Things/Get thing\n    expect: { status: 200 }\n`);
    const text = `name: Many\nsetup:\n  - request: Things/Create thing\nsteps:\n${steps.join("")}teardown:\n  - request: Things/Get thing\n`;
    const fresh = createSuiteParser(schema(), startupCache(dir))(text, "suites/many.yaml");
    expect(fresh.suite?.steps).toHaveLength(1203);
    const [name] = entries();
    // the header, the setup step, at least three parts of steps (500 each at most, as they streamed in), the teardown step, the suite without steps
    expect(readFileSync(join(dir, name!), "utf8").trimEnd().split("\n").length).toBeGreaterThanOrEqual(1 + 6);
    expect(createSuiteParser(schema(), startupCache(dir))(text, "suites/many.yaml")).toEqual(fresh);
  });

  it("holds a suite of more than STORED_AFTER_STEPS steps as stored parts, first run and warm alike, equal to a fresh parse", () => {
    const count = STORED_AFTER_STEPS + 7;
    const steps = Array.from({ length: count }, (_, i) => `  - name: step ${i}\n    request: Things/Get thing\n    expect: { status: 200, body: { $.id: { exists: true } } }\n`);
    const text = `name: Many\nsetup:\n  - request: Things/Create thing\nsteps:\n${steps.join("")}teardown:\n  - request: Things/Get thing\n`;
    const parsed = parseSuite(text, "suites/many.yaml", schema());
    const first = createSuiteParser(schema(), startupCache(dir))(text, "suites/many.yaml");
    const warm = createSuiteParser(schema(), startupCache(dir))(text, "suites/many.yaml");
    for (const { suite } of [first, warm]) {
      // a stored list refuses changes; a list held in memory would take them
      expect(Reflect.set(suite!.steps, 0, suite!.steps[1])).toBe(false);
      expect(suite!.steps).toHaveLength(count);
      expect(JSON.stringify(suite)).toBe(JSON.stringify(parsed.suite));
      expect(suite!.steps[count - 1]?.fieldPos["expect.body.$.id"]).toEqual(parsed.suite!.steps[count - 1]?.fieldPos["expect.body.$.id"]);
    }
    expect(warm).toEqual(parsed);
    const small = createSuiteParser(schema(), startupCache(dir))(SUITE, "suites/one.yaml");
    expect(Reflect.set(small.suite!.steps, 0, small.suite!.steps[0])).toBe(true);
  });

  it("stores a large suite whose teardown comes first in the file; one with a value JSON would change late in it is held whole and not cached", () => {
    const steps = Array.from({ length: STORED_AFTER_STEPS + 300 }, (_, i) => `  - name: step ${i}\n    request: Things/Get thing\n    body: { n: ${i} }\n`);
    const text = `name: Many\nteardown:\n  - request: Things/Get thing\nsteps:\n${steps.join("")}`;
    const parsed = parseSuite(text, "suites/order.yaml", schema());
    createSuiteParser(schema(), startupCache(dir))(text, "suites/order.yaml");
    const warm = createSuiteParser(schema(), startupCache(dir))(text, "suites/order.yaml");
    expect(Reflect.set(warm.suite!.steps, 0, warm.suite!.steps[1])).toBe(false);
    expect(JSON.stringify(warm.suite)).toBe(JSON.stringify(parsed.suite));
    rmSync(join(dir, entries()[0]!));
    const inf = text.replace(`body: { n: ${STORED_AFTER_STEPS + 299} }`, "body: { n: .inf }");
    const held = createSuiteParser(schema(), startupCache(dir))(inf, "suites/order.yaml");
    expect(entries()).toHaveLength(0);
    expect((held.suite!.steps[STORED_AFTER_STEPS + 299] as { body: { n: number } }).body.n).toBe(Infinity);
    expect(JSON.stringify(held.suite)).toBe(JSON.stringify(parseSuite(inf, "suites/order.yaml", schema()).suite));
  });

  it("holds whole at most STORED_AFTER_STEPS steps of all the suites of a run: a suite past that is read back in parts", () => {
    const text = (name: string) => `name: ${name}\nsteps:\n${Array.from({ length: STORED_AFTER_STEPS * 0.75 }, (_, i) => `  - name: step ${i}\n    request: Things/Get thing\n`).join("")}`;
    const writable = (steps: unknown[]) => Reflect.set(steps, 0, steps[0]);
    for (const run of ["first", "warm"]) {
      const parse = createSuiteParser(schema(), startupCache(dir));
      const [a, b] = [parse(text("A"), "suites/a.yaml"), parse(text("B"), "suites/b.yaml")];
      expect([run, writable(a.suite!.steps), writable(b.suite!.steps)]).toEqual([run, true, false]);
      expect(JSON.stringify(b.suite)).toBe(JSON.stringify(parseSuite(text("B"), "suites/b.yaml", schema()).suite));
    }
  });

  it("holds a large suite whole, as parsed, without a cache folder", () => {
    const steps = Array.from({ length: STORED_AFTER_STEPS + 1 }, (_, i) => `  - name: step ${i}\n    request: Things/Get thing\n`);
    const parsed = createSuiteParser(schema(), startupCache(undefined))(`name: Many\nsteps:\n${steps.join("")}`, "suites/many.yaml");
    expect(Reflect.set(parsed.suite!.steps, 0, parsed.suite!.steps[0])).toBe(true);
    expect(parsed.suite!.steps).toHaveLength(STORED_AFTER_STEPS + 1);
  });

  it("does not cache values JSON would change (.inf from YAML)", () => {
    const text = "name: One\nsteps:\n  - name: a\n    request: A/b\n    body: { big: .inf }\n";
    const parsed = createSuiteParser(schema(), startupCache(dir))(text, "suites/inf.yaml");
    expect((parsed.suite?.steps[0] as { body: { big: number } }).body.big).toBe(Infinity);
    expect(entries()).toHaveLength(0);
  });

  it("works without a cache folder", () => {
    expect(createSuiteParser(schema(), startupCache(undefined))(SUITE, "suites/one.yaml").suite?.name).toBe("One");
    expect(metaSchemaMemo(startupCache(undefined))).toBeUndefined();
    expect(compiledSchemaMemo(startupCache(undefined))).toBeUndefined();
  });
});

describe("what the start-up cache keeps of a suite", () => {
  it("neither its text nor its secrets, in any place of the suite, yet the next start gets the same suite", () => {
    const cache = startupCache(dir);
    for (let seed = 0; seed < 25; seed++) {
      const rnd = new Random(seed);
      const secrets = Array.from({ length: 4 }, () => randomSecret(rnd));
      const [a, b, c, d] = secrets.map((x) => JSON.stringify(x));
      const name = `Suite number ${seed} with a long readable name`;
      const text = `name: ${name}\nvariables:\n  ${rnd.pick(SECRET_KEYS).replace(/-/g, "_")}: ${a}\nsteps:\n  - name: create\n    request: Things/Create thing\n` +
        `    headers: { ${rnd.pick(SECRET_KEYS)}: ${b} }\n    body: { note: plain, ${rnd.pick(SECRET_KEYS)}: ${c} }\n` +
        `    expect: { status: 200, body: { $.${rnd.pick(SECRET_KEYS)}: ${d} } }\n`;
      const file = `suites/generated-${seed}.yaml`;
      const first = createSuiteParser(schema(), cache)(text, file);
      expect(first.diagnostics).toEqual([]);
      expect(createSuiteParser(schema(), cache)(text, file)).toEqual(first);
      const stored = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
      for (const secret of secrets) expect([seed, leakedPart(stored, secret)]).toEqual([seed, undefined]);
      expect(stored).not.toContain(name);
    }
  });
});

describe("metaSchemaMemo", () => {
  it("remembers a fingerprint only once added, per tool version", () => {
    const memo = metaSchemaMemo(startupCache(dir))!;
    expect(memo.has("abc")).toBe(false);
    memo.add("abc");
    expect(memo.has("abc")).toBe(true);
    expect(memo.has("abd")).toBe(false);
    expect(metaSchemaMemo({ ...startupCache(dir), toolVersion: "99.0.0" })!.has("abc")).toBe(false);
  });
});

describe("compiledSchemaMemo", () => {
  const compiled = { ids: ["a.schema.json"], code: "exports.o0 = () => true; exports.c0 = () => true;" };
  const files = ["/somewhere/schemas/a.schema.json"];

  it("gives back what was kept for the same schemas, per tool version, one entry per folder, sealed", () => {
    const memo = compiledSchemaMemo(startupCache(dir))!;
    expect(memo.get("key-1", files)).toBeUndefined();
    memo.set("key-1", files, compiled);
    expect(memo.get("key-1", files)).toEqual(compiled);
    expect(memo.get("key-2", files)).toBeUndefined();
    expect(compiledSchemaMemo({ ...startupCache(dir), toolVersion: "99.0.0" })!.get("key-1", files)).toBeUndefined();
    memo.set("key-1", ["/elsewhere/a.schema.json"], compiled); // another folder: kept beside the first
    memo.set("key-2", files, { ...compiled, ids: ["b.schema.json"] }); // the same folder changed: replaces its entry
    const kept = readdirSync(dir).filter((f) => f.startsWith("schemas-code-"));
    expect(kept).toHaveLength(2);
    expect(memo.get("key-1", files)).toBeUndefined();
    expect(memo.get("key-2", files)?.ids).toEqual(["b.schema.json"]);
    expect(kept.map((f) => readFileSync(join(dir, f), "utf8")).join("\n")).not.toContain("exports.o0");
  });

  it("gives nothing for an entry that is not what it keeps", () => {
    const memo = compiledSchemaMemo(startupCache(dir))!;
    memo.set("key-1", files, { ids: "a.schema.json", code: 1 } as unknown as typeof compiled);
    expect(memo.get("key-1", files)).toBeUndefined();
  });
});
