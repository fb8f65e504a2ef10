import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as Postman from "postman-collection";
import * as Yaml from "yaml";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone";
import { VENDORED, VENDORED_PARTS, type VendoredName } from "../vocabulary/vendored";

// `npm run build` bundles each library of vocabulary/vendored into one file of dist/vendor/ (.ci/bundle-vendor.js),
// which a run loads instead of the installed package: the bundle must do what the package does.
const ROOT = join(__dirname, "..", "..");
/* eslint-disable @typescript-eslint/no-require-imports */
const bundle = <T>(name: VendoredName): T => require(join(ROOT, "dist", "vendor", `${name}.js`)) as T;
/* eslint-enable @typescript-eslint/no-require-imports */

const COLLECTIONS = [join(ROOT, "collections", "conversation-api.postman_collection.json"), join(__dirname, "fixtures", "collections", "things.postman_collection.json")];

describe("the vendored bundles of dist/vendor", () => {
  it("exist for every vendored library", () => {
    expect(readdirSync(join(ROOT, "dist", "vendor")).sort()).toEqual([...Object.keys(VENDORED), ...Object.keys(VENDORED_PARTS)].map((n) => `${n}.js`).sort());
  });

  it("postman-collection: loads its faker and iconv-lite parts only when they are used, and they do what the packages do", () => {
    const probe = `const file = ${JSON.stringify(join(ROOT, "dist", "vendor", "postman-collection.js"))};
      const { Collection, Response } = require(file);
      const loaded = () => Object.keys(require.cache).filter((f) => /postman-(faker|iconv)\.js$/.test(f)).map((f) => f.replace(/.*[\\/]/, ""));
      new Collection({ item: [{ name: "x", request: "https://example.com/{{$randomInt}}" }] }).forEachItem(() => {});
      const before = loaded();
      const text = new Response({ code: 200, stream: Buffer.from([0x63, 0x61, 0x66, 0xe9]), header: [{ key: "Content-Type", value: "text/plain; charset=windows-1252" }] }).text();
      const afterIconv = loaded();
      const city = new (require(file).VariableScope)({}).replaceIn("{{$randomCity}}");
      console.log(JSON.stringify({ before, text, afterIconv, afterFaker: loaded().sort(), city: /^[^{]+$/.test(city) }));`;
    expect(JSON.parse(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }))).toEqual({
      before: [], text: "caf\u00e9", afterIconv: ["postman-iconv.js"], afterFaker: ["postman-faker.js", "postman-iconv.js"], city: true,
    });
    const packaged = new Postman.Response({ code: 200, stream: Buffer.from([0x63, 0x61, 0x66, 0xe9]), header: [{ key: "Content-Type", value: "text/plain; charset=windows-1252" }] } as unknown as Postman.ResponseDefinition);
    expect(packaged.text()).toBe("caf\u00e9");
  });

  it("postman-collection: reads every collection as the package does", () => {
    const bundled = bundle<typeof Postman>("postman-collection");
    expect(bundled.Collection).not.toBe(Postman.Collection); // the bundle, not the package
    for (const file of COLLECTIONS) {
      const json = JSON.parse(readFileSync(file, "utf8")) as Postman.CollectionDefinition;
      const read = (lib: typeof Postman) => {
        const items: unknown[] = [];
        new lib.Collection(json).forEachItem((item) => items.push({ url: item.request.url.toString(), auth: item.getAuth()?.type, item: item.toJSON() }));
        // ids the collection leaves out are made up at random
        return JSON.stringify(items).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>");
      };
      expect(read(bundled)).toEqual(read(Postman));
    }
  });

  it("postman-collection: still makes Postman's dynamic variables (faker is loaded when first used)", () => {
    const { VariableScope } = bundle<typeof Postman>("postman-collection");
    // replaceIn is missing from @types/postman-collection
    const scope = new VariableScope({}) as unknown as { replaceIn(template: string): string };
    const made = scope.replaceIn("{{$randomInt}}|{{$randomCity}}|{{$randomUUID}}");
    const [int, city, uuid] = made.split("|");
    expect(Number(int)).toBeGreaterThanOrEqual(0);
    expect(city).toMatch(/^\S.*$/);
    expect(city).not.toContain("{{");
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("ajv-compiler: generates the same validator code as the packages", () => {
    type Compiler = { Ajv2020: typeof Ajv2020; addFormats: (ajv: Ajv2020) => void; standaloneCode: typeof standaloneCode };
    const packages: Compiler = { Ajv2020, addFormats: (ajv) => void addFormats(ajv), standaloneCode };
    const schema = { $id: "t.json", type: "object", required: ["at"], properties: { at: { type: "string", format: "date-time" }, n: { type: "integer", minimum: 1 } } };
    const code = (c: Compiler) => {
      const ajv = new c.Ajv2020({ allErrors: true, verbose: true, code: { source: true } });
      c.addFormats(ajv);
      ajv.addSchema(schema);
      return c.standaloneCode(ajv, { v: "t.json" });
    };
    const bundled = bundle<Compiler>("ajv-compiler");
    expect(bundled.Ajv2020).not.toBe(packages.Ajv2020);
    expect(code(bundled)).toEqual(code(packages));
  });

  it("undici-agent: loads without node:http2, which undici's HTTP/2 client needs only for an HTTP/2 connection", () => {
    const probe = `const Agent = require(${JSON.stringify(join(ROOT, "dist", "vendor", "undici-agent.js"))});
      new Agent().close();
      console.log(JSON.stringify({ name: Agent.name, http2: process.moduleLoadList.some((m) => m.endsWith(" http2")) }));`;
    expect(JSON.parse(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }))).toEqual({ name: "Agent", http2: false });
    const plain = `require("undici/lib/dispatcher/agent"); console.log(process.moduleLoadList.some((m) => m.endsWith(" http2")));`;
    expect(execFileSync(process.execPath, ["-e", plain], { encoding: "utf8", cwd: ROOT }).trim()).toBe("true"); // the package does load it
  });

  it("yaml: reads every shipped and fixture suite, and broken YAML, as the package does (values, errors, tokens)", () => {
    const bundled = bundle<typeof Yaml>("yaml");
    expect(bundled.Parser).not.toBe(Yaml.Parser); // the bundle, not the package
    const suites = [join(ROOT, "suites"), join(__dirname, "fixtures", "suites")].flatMap((dir) =>
      readdirSync(dir).filter((name) => name.endsWith(".yaml")).map((name) => readFileSync(join(dir, name), "utf8")));
    const broken = ["steps:\n  - name: [unclosed\n", "a: 1\na: 2\n", "key: &x [*x]\n", "\t- tab\n", "- a\nb: c\n"];
    expect(suites.length).toBeGreaterThan(10);
    const read = (lib: typeof Yaml, text: string) => {
      const lines = new lib.LineCounter();
      const doc = lib.parseDocument(text, { lineCounter: lines, uniqueKeys: true });
      return { value: doc.toJS(), errors: doc.errors.map((e) => [e.code, e.linePos]), tokens: [...new lib.Lexer().lex(text)] };
    };
    for (const text of [...suites, ...broken]) expect(read(bundled, text)).toEqual(read(Yaml, text));
  });
});
