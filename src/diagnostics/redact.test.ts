import { formatDiagnostic } from "./format";
import { makeDiagnostic } from "./make";
import { createRedactor } from "./redact";
import { leakedPart, nestSecret, Random, randomJwt, randomSecret, SECRET_KEYS } from "./testing/secret-cases";

const CASES = 300;

/** Each generated case runs from its own seed, so a failure names the seed that replays it. */
function forEachCase(seedBase: number, check: (rnd: Random) => void): void {
  for (let i = 0; i < CASES; i++) {
    const rnd = new Random(seedBase + i);
    try {
      check(rnd);
    } catch (error) {
      throw new Error(`case seed ${seedBase + i}: ${(error as Error).message}`);
    }
  }
}

function expectNoLeak(text: string, secret: string): void {
  const part = leakedPart(text, secret);
  if (part !== undefined) throw new Error(`leaked ${JSON.stringify(part)} of ${JSON.stringify(secret)} in ${JSON.stringify(text.slice(0, 300))}`);
}

describe("a redactor that learned a structure", () => {
  it("hides every value under a secret-like key, at any depth, wherever the value shows up later", () => {
    forEachCase(1000, (rnd) => {
      const secret = randomSecret(rnd);
      const structure = nestSecret(rnd, rnd.pick(SECRET_KEYS), secret);
      const r = createRedactor([]);
      r.learn(structure);
      const json = JSON.stringify(structure);
      for (const shown of [json, JSON.stringify({ body: json }), `expected "x", got ${JSON.stringify(secret)}`, `?q=${encodeURIComponent(secret)}`, `plain ${secret} text`]) {
        expectNoLeak(r.redact(shown), secret);
      }
    });
  });

  it("learns numbers under a secret-like key, and neither templates nor JSONPaths written where a value could be", () => {
    const r = createRedactor([]);
    r.learn({ password: 12345678, client_secret: "{{CLIENT_SECRET}}", capture: { TOKEN: "$.access_token", KEY: "$['api_key']" } });
    expect(r.redact("pin 12345678 from {{CLIENT_SECRET}} via $.access_token and $['api_key']")).toBe(
      "pin [REDACTED] from {{CLIENT_SECRET}} via $.access_token and $['api_key']");
  });

  it("keeps values under keys that only look alike", () => {
    const r = createRedactor([]);
    const body = { token_type: "Bearer", next_page_token: "cursor-123456", name: "refresh token", expires_in: 3600 };
    r.learn(body);
    expect(r.redact(JSON.stringify(body))).toBe(JSON.stringify(body));
  });
});

describe("a redactor that was told nothing", () => {
  it("finds values under secret-like keys by the text's syntax: JSON, JSON inside JSON, forms and queries, YAML lines", () => {
    forEachCase(2000, (rnd) => {
      const secret = randomSecret(rnd);
      const key = rnd.pick(SECRET_KEYS);
      const json = JSON.stringify(nestSecret(rnd, key, secret), null, rnd.pick([0, 2]));
      const form = `a=1&${encodeURIComponent(key)}=${encodeURIComponent(secret)}&b=2`;
      const yaml = `steps:\n  - name: x\n    ${rnd.pick(["", "- "])}${key}: ${secret}\n    other: 1`;
      for (const text of [json, JSON.stringify({ body: json }), form, `https://h.test/p?${form}`, yaml]) {
        const shown = createRedactor([]).redact(text);
        expectNoLeak(shown, secret);
        expectNoLeak(shown, encodeURIComponent(secret));
      }
    });
  });

  it("hides every JWT-shaped string, wherever it stands in a text", () => {
    forEachCase(3000, (rnd) => {
      const jwt = randomJwt(rnd);
      const around = () => rnd.string(rnd.int(0, 20), "abc XYZ.,:;\"'=&?/()[]{}-_0123");
      expectNoLeak(createRedactor([]).redact(`${around()}${jwt}${around()}`), jwt);
    });
  });

  it("keeps JSON valid, compact or pretty, plain or inside a JSON string", () => {
    forEachCase(5000, (rnd) => {
      const value = nestSecret(rnd, rnd.pick(SECRET_KEYS), randomSecret(rnd));
      for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2), JSON.stringify({ body: JSON.stringify(value) })]) {
        expect(() => JSON.parse(createRedactor([]).redact(json))).not.toThrow();
      }
    });
  });

  it("leaves a recorded shape's types alone under a secret-like path (results.json: the gate reads them)", () => {
    const shape = { shape: { "$.channel_credentials[].static_token": "object?", "$.channel_credentials[].static_token.token": "string", "$.secret": "null|string" } };
    const text = JSON.stringify(shape);
    expect(createRedactor([]).redact(text)).toBe(text);
    expect(createRedactor([]).redact('{"$.access_token":"eyJ-not-a-type"}')).not.toContain("eyJ-not-a-type");
  });

  it("leaves text without secrets as it was", () => {
    const text = '{"name":"Contacts lifecycle","token_type":"Bearer","status":"DELIVERED"}\nname: x\nsteps: []\nurl=https://h.test/?page_token=abc';
    expect(createRedactor([]).redact(text)).toBe(text);
  });
});

describe("diagnostics printed without a run's redactor (check, bad input)", () => {
  it("hide a secret-like key's value in the code frame and any JWT in the message", () => {
    forEachCase(4000, (rnd) => {
      const secret = randomSecret(rnd);
      const jwt = randomJwt(rnd);
      const source = `name: s\nsteps:\n  - name: a\n    ${rnd.pick(SECRET_KEYS)}: ${JSON.stringify(secret)}\n`;
      const d = makeDiagnostic("CC_BAD_VALUE", `unexpected value near ${jwt}`, { file: "s.yaml", line: 4, column: 5 }, "fix it");
      const shown = formatDiagnostic(d, source);
      expectNoLeak(shown, secret);
      expectNoLeak(shown, jwt);
      expect(shown).toContain(" 4 |     ");
    });
  });
});
