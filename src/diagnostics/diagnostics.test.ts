import {
  DIAGNOSTIC_CODES,
  DiagnosticError,
  createRedactor,
  didYouMean,
  formatDiagnostic,
  formatDiagnostics,
  isDiagnosticCode,
  makeDiagnostic,
  sortDiagnostics,
  hasErrors,
} from "./index";

describe("DIAGNOSTIC_CODES", () => {
  it("holds only CC_ UPPER_SNAKE codes with a title and a hint", () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^CC_[A-Z0-9_]+$/);
      expect(info.title.length).toBeGreaterThan(0);
      expect(info.hint.length).toBeGreaterThan(0);
    }
  });

  it("includes the codes other stages rely on", () => {
    for (const code of ["CC_YAML_SYNTAX", "CC_UNKNOWN_REQUEST", "CC_NETWORK_ERROR", "CC_TIMEOUT", "CC_BAD_OPTION", "CC_REPORT_WRITE", "CC_PORT_IN_USE"]) {
      expect(isDiagnosticCode(code)).toBe(true);
    }
    expect(isDiagnosticCode("CC_NOPE")).toBe(false);
  });

  it("holds no code that nothing emits (a callback timeout is a failure of kind callback, not a diagnostic)", () => {
    for (const code of ["CC_CALLBACK_TIMEOUT", "CC_REPORT_INVALID"]) expect(isDiagnosticCode(code)).toBe(false);
  });
});

describe("makeDiagnostic", () => {
  it("takes the catalog hint and severity by default", () => {
    const d = makeDiagnostic("CC_NO_SUITES", "nothing here");
    expect(d).toEqual({ code: "CC_NO_SUITES", severity: "error", message: "nothing here", hint: DIAGNOSTIC_CODES.CC_NO_SUITES.hint });
    expect(makeDiagnostic("CC_EMPTY_SHARD", "x").severity).toBe("warning");
    expect(makeDiagnostic("CC_NOTHING_SELECTED", "x").severity).toBe("error");
    expect(makeDiagnostic("CC_BAD_VALUE", "x", { file: "a.yaml", line: 2, column: 3 }, "own").hint).toBe("own");
  });

  it("sorts by file, line, column and tells errors from warnings", () => {
    const a = makeDiagnostic("CC_BAD_VALUE", "a", { file: "a", line: 3, column: 1 });
    const b = makeDiagnostic("CC_BAD_VALUE", "b", { file: "a", line: 1, column: 5 });
    expect(sortDiagnostics([a, b]).map((d) => d.message)).toEqual(["b", "a"]);
    expect(hasErrors([makeDiagnostic("CC_EMPTY_SHARD", "w")])).toBe(false);
    expect(hasErrors([a])).toBe(true);
  });
});

describe("formatDiagnostic", () => {
  const source = "name: x\nsteps:\n  - request: Contacts/Create contac\n";
  const d = makeDiagnostic(
    "CC_UNKNOWN_REQUEST",
    'unknown request "Contacts/Create contac"',
    { file: "suites/a.yaml", line: 3, column: 14 },
    'did you mean "Contacts/Create contact"?',
  );

  it("prints like a compiler, with a caret under the column", () => {
    expect(formatDiagnostic(d, source)).toBe(
      [
        'error[CC_UNKNOWN_REQUEST]: unknown request "Contacts/Create contac"',
        "  --> suites/a.yaml:3:14",
        "   |",
        " 3 |   - request: Contacts/Create contac",
        "   |              ^",
        '   = hint: did you mean "Contacts/Create contact"?',
      ].join("\n"),
    );
  });

  it("leaves the frame out without source or position", () => {
    expect(formatDiagnostic(d)).toBe(
      [
        'error[CC_UNKNOWN_REQUEST]: unknown request "Contacts/Create contac"',
        "  --> suites/a.yaml:3:14",
        '  = hint: did you mean "Contacts/Create contact"?',
      ].join("\n"),
    );
    const bare = { code: "CC_BAD_OPTION", severity: "warning" as const, message: "m" };
    expect(formatDiagnostic(bare, source)).toBe("warning[CC_BAD_OPTION]: m");
  });

  it("joins several diagnostics with their own sources", () => {
    const text = formatDiagnostics([d, d], new Map([["suites/a.yaml", source]]));
    expect(text.split("error[").length - 1).toBe(2);
    expect(text).toContain(" 3 |   - request");
  });

  it("never includes a secret passed to the redactor, not even from the source line", () => {
    const secret = "s3cr3t-client-secret";
    const redactor = createRedactor([secret]);
    const leaky = makeDiagnostic("CC_BAD_VALUE", `bad value ${secret}`, { file: "a.yaml", line: 1, column: 1 }, `try ${secret}`);
    const out = formatDiagnostic(leaky, `CLIENT_SECRET: ${secret}`, { redactor });
    expect(out).not.toContain(secret);
    expect(out).toContain("[REDACTED]");
    expect(formatDiagnostics([leaky], new Map([["a.yaml", secret]]), { redactor })).not.toContain(secret);
  });
});

describe("didYouMean", () => {
  it("finds close matches case-insensitively", () => {
    expect(didYouMean("expcet", ["expect", "capture", "retry"])).toBe("expect");
    expect(didYouMean("CONTACTS/create contac", ["Contacts/Create contact", "Apps/Create app"])).toBe("Contacts/Create contact");
    expect(didYouMean("Contact", ["contact", "contact-list"])).toBe("contact");
  });

  it("stays quiet when nothing is close", () => {
    expect(didYouMean("zzz", ["expect", "capture"])).toBeUndefined();
    expect(didYouMean("x", [])).toBeUndefined();
  });
});

describe("createRedactor", () => {
  it("redacts secrets and their URL-encoded form, ignoring very short ones", () => {
    const r = createRedactor(["my secret/+1", "", "ab"]);
    expect(r.redact("a my secret/+1 b")).toBe("a [REDACTED] b");
    expect(r.redact("client_secret=my%20secret%2F%2B1")).toBe("client_secret=[REDACTED]");
    expect(r.redact("ab stays")).toBe("ab stays");
  });

  it("redacts Basic and Bearer credentials wherever they appear", () => {
    const r = createRedactor([]);
    const basic = Buffer.from("id:secret").toString("base64");
    expect(r.redact(`sent Authorization: Basic ${basic} yes`)).toBe("sent Authorization: Basic [REDACTED] yes");
    expect(r.redact("bearer eyJhbGciOi.eyJzdWIi.sig")).toBe("bearer [REDACTED]");
    expect(r.redact("use Basic authentication with a Bearer token")).toBe("use Basic authentication with a Bearer token");
  });

  it("redacts base64(id:secret) of known pairs even without the Basic prefix", () => {
    const r = createRedactor([], { pairs: [["client-id", "client-secret"]] });
    const encoded = Buffer.from("client-id:client-secret").toString("base64");
    expect(r.redact(`x=${encoded}`)).toBe("x=[REDACTED]");
  });

  it("learns secrets later, e.g. access tokens", () => {
    const r = createRedactor([]);
    expect(r.redact("token abcdefgh")).toBe("token abcdefgh");
    r.add("abcdefgh");
    expect(r.redact("token abcdefgh")).toBe("token [REDACTED]");
  });

  it("redacts sensitive headers entirely and other headers as text", () => {
    const r = createRedactor(["topsecret"]);
    expect(
      r.redactHeaders({
        Authorization: "Bearer x",
        "x-sinch-webhook-signature": "sig",
        Cookie: "a=b",
        "set-cookie": ["a=b"],
        "x-echo": "topsecret here",
        "content-length": 3,
      }),
    ).toEqual({
      Authorization: "[REDACTED]",
      "x-sinch-webhook-signature": "[REDACTED]",
      Cookie: "[REDACTED]",
      "set-cookie": "[REDACTED]",
      "x-echo": "[REDACTED] here",
      "content-length": 3,
    });
  });
});

describe("DiagnosticError", () => {
  it("carries its diagnostics and summarizes them in the message", () => {
    const d = makeDiagnostic("CC_NO_SUITES", "none");
    const err = new DiagnosticError([d, d]);
    expect(err).toBeInstanceOf(Error);
    expect(err.diagnostics).toHaveLength(2);
    expect(err.message).toBe("CC_NO_SUITES: none (and 1 more)");
    expect(new DiagnosticError(d).diagnostics).toEqual([d]);
  });
});
