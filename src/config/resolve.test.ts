import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGIONS } from "../vocabulary/regions";
import { DEFAULT_REPORTERS, REPORTER_NAMES } from "../vocabulary/reporters";
import { formatHelp } from "./help";
import { OPTIONS } from "./options";
import { resolveConfig } from "./resolve";

const cwd = mkdtempSync(join(tmpdir(), "cc-config-"));
const resolve = (argv: string[], env: Record<string, string> = {}, dir = cwd) => resolveConfig({ argv, env, cwd: dir });

describe("resolveConfig", () => {
  it("gives the defaults for a bare run", () => {
    const { config, diagnostics } = resolve(["run"]);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ command: "run", target: "emulator", concurrency: 4, reporter: ["console", "junit", "json"], out: "reports", suites: [] });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads flags, lists, shards and suites", () => {
    const { config } = resolve(["run", "suites/a.yaml", "--target", "eu", "--region=eu,br", "--tag", "smoke", "--tag", "x", "--shard", "2/3", "--bail", "--strict"]);
    expect(config).toMatchObject({ target: "eu", region: ["eu", "br"], tag: ["smoke", "x"], shard: { index: 2, total: 3 }, bail: true, strict: true, suites: ["suites/a.yaml"] });
  });

  it("layers defaults <- config file <- environment <- flags", () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-config-file-"));
    writeFileSync(join(dir, "conversation-contract.config.json"), JSON.stringify({ concurrency: 2, "retry-budget-ms": 9, out: "file-out", grep: "file" }));
    const { config } = resolve(["run", "--concurrency", "8"], { CC_CONCURRENCY: "6", CC_OUT: "env-out" }, dir);
    expect(config).toMatchObject({ concurrency: 8, out: "env-out", retryBudgetMs: 9, grep: "file" });
  });

  it("turns color off with --no-color (NO_COLOR and FORCE_COLOR are read where output is made: see color.test.ts)", () => {
    expect(resolve(["run", "--no-color"]).config?.noColor).toBe(true);
    expect(resolve(["run"], { NO_COLOR: "1" }).config?.noColor).toBe(false);
  });

  it("rejects an unknown flag with CC_BAD_OPTION and a did-you-mean", () => {
    const { config, diagnostics } = resolve(["run", "--concurency", "3"]);
    expect(config).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "CC_BAD_OPTION", message: "unknown option --concurency", hint: "did you mean --concurrency?" });
  });

  it("rejects bad values, missing values and options of another command", () => {
    const codes = (argv: string[]) => resolve(argv).diagnostics.map((d) => d.message);
    expect(codes(["run", "--concurrency", "many"])[0]).toBe("--concurrency many is not a whole number (0 or more)");
    expect(codes(["run", "--shard", "4/3"])[0]).toBe("--shard 4/3 is not I/N with 1 <= I <= N");
    expect(codes(["run", "--target", "mars"])[0]).toBe('--target: unknown target "mars"');
    expect(codes(["run", "--reporter", "junt"])).toEqual(['--reporter: unknown reporter "junt"']);
    expect(resolve(["run", "--reporter", "junt"]).diagnostics[0]?.hint).toBe("did you mean junit?");
    expect(codes(["run", "--target"])[0]).toBe("option --target needs a value");
    expect(codes(["run", "--port", "1"])[0]).toBe('option --port does not apply to "run"');
    expect(codes(["run", "--bail=yes"])[0]).toBe("option --bail takes no value");
  });

  it("takes reporter names and regions from vocabulary/: every name is accepted, and --help lists them", () => {
    expect(resolve(["run", "--reporter", REPORTER_NAMES.join(",")]).config?.reporter).toEqual([...REPORTER_NAMES]);
    expect(resolve(["run"]).config?.reporter).toEqual([...DEFAULT_REPORTERS]);
    for (const region of REGIONS) expect(resolve(["run", "--target", region, "--region", region]).diagnostics).toEqual([]);
    expect(resolve(["run", "--region", "ap"]).diagnostics[0]?.hint).toBe(`expected one of ${REGIONS.join(", ")}`);
    expect(formatHelp("run")).toContain(`--reporter ${REPORTER_NAMES.join(",")}`);
    expect(formatHelp("run")).toContain(`--target ${["emulator", ...REGIONS, "URL"].join("|")}`);
  });

  it("rejects --shard-timings (flag, environment or config file) without --shard: the timings would be ignored", () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-config-timings-"));
    writeFileSync(join(dir, "conversation-contract.config.json"), JSON.stringify({ "shard-timings": "t.json" }));
    for (const [argv, env, at] of [[["run", "--shard-timings", "t.json"], {}, cwd], [["run"], { CC_SHARD_TIMINGS: "t.json" }, cwd], [["run"], {}, dir]] as const) {
      const { config, diagnostics } = resolve([...argv], env, at);
      expect(config).toBeUndefined();
      expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_OPTION", message: expect.stringContaining("without --shard"), hint: expect.stringContaining("--shard I/N") })]);
    }
    expect(resolve(["run", "--shard", "1/2", "--shard-timings", "t.json"]).diagnostics).toEqual([]);
  });

  it("rejects an unknown command with a suggestion", () => {
    const { diagnostics } = resolve(["runn"]);
    expect(diagnostics[0]).toMatchObject({ code: "CC_UNKNOWN_COMMAND", hint: "did you mean run?" });
  });

  it("accepts a URL target", () => {
    expect(resolve(["run", "--target", "http://127.0.0.1:9/x"]).config?.target).toBe("http://127.0.0.1:9/x");
    expect(resolve(["run", "--callback-url", "https://hooks.example.com/cc"]).config?.callbackUrl).toBe("https://hooks.example.com/cc");
  });

  it.each([
    ["http://admin:pw@127.0.0.1:1/", "user-info"],
    ["http://admin@127.0.0.1:1/", "user-info"],
    ["http://127.0.0.1:1/?apikey=x", "a query"],
    ["http://127.0.0.1:1/?", "a query"],
    ["http://127.0.0.1:1/#frag", "a fragment"],
  ])("rejects the target %s (it carries %s) without echoing it", (url, what) => {
    const { config, diagnostics } = resolve(["run", "--target", url]);
    expect(config).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "CC_BAD_OPTION", severity: "error" });
    expect(diagnostics[0]?.message).toContain(`--target: the URL must not contain ${what}`);
    expect(diagnostics[0]?.hint).toContain("credentials come from SINCH_CLIENT_ID/SINCH_CLIENT_SECRET or .env");
    expect(JSON.stringify(diagnostics)).not.toContain("pw@");
    expect(JSON.stringify(diagnostics)).not.toContain("apikey");
  });

  it("rejects a target URL with credentials given through CC_TARGET too, and a --callback-url with them", () => {
    expect(resolve(["run"], { CC_TARGET: "https://u:p@example.com" }).diagnostics[0]?.message).toContain("user-info");
    const { diagnostics } = resolve(["run", "--callback-url", "https://u:secret-pw@hooks.example.com/x?token=1"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["CC_BAD_OPTION"]);
    expect(diagnostics[0]?.message).toBe("--callback-url: the URL must not contain user-info (user:password@), a query (?...)");
    expect(JSON.stringify(diagnostics)).not.toContain("secret-pw");
  });

  it("checks that --port is a port number (0..65535)", () => {
    expect(resolve(["emulator", "--port", "65535"]).config?.port).toBe(65535);
    expect(resolve(["emulator", "--port", "0"]).config?.port).toBe(0);
    const { config, diagnostics } = resolve(["emulator", "--port", "99999"]);
    expect(config).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "CC_BAD_OPTION", message: "--port 99999 is not a port number", hint: "expected a whole number from 0 to 65535 (0 = a free port)" });
    expect(resolve(["emulator", "--port", "-1"]).diagnostics[0]?.code).toBe("CC_BAD_OPTION");
    expect(resolve(["emulator"], { CC_PORT: "70000" }).diagnostics[0]?.message).toBe("CC_PORT=70000 is not a port number");
  });
});

describe("help", () => {
  it("`help run` is `run --help`, `help` alone is --help, and a mistyped command after help gets a did-you-mean", () => {
    expect(resolve(["help", "run"]).config).toMatchObject({ command: "run", help: true });
    expect(resolve(["help"]).config).toMatchObject({ help: true });
    expect(resolve(["help"]).config?.command).toBeUndefined();
    expect(resolve(["help", "chek"]).diagnostics[0]).toMatchObject({ code: "CC_UNKNOWN_COMMAND", message: 'unknown command "chek"', hint: "did you mean check?" });
  });

  it.each([["chek", "check"], ["runn", "run"], ["rn", "run"], ["emulater", "emulator"], ["covrage", "coverage"], ["hlep", "help"], ["Run", "run"], ["cov", "coverage"], ["chekc", "check"]])(
    "suggests %s -> %s, with --help given too", (typo, meant) => {
      for (const argv of [[typo], [typo, "--help"], [typo, "suites/x.yaml", "--tag", "t"]]) {
        const { config, diagnostics } = resolve(argv);
        expect(config).toBeUndefined();
        expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_UNKNOWN_COMMAND", hint: `did you mean ${meant}?` })]);
      }
    });
});

describe("formatHelp", () => {
  it("shows the default of every option that has one", () => {
    const help = formatHelp("run");
    expect(help).toMatch(/--concurrency N +.*\[default 4; env CC_CONCURRENCY\]/);
    expect(help).toMatch(/--target emulator\|us\|eu\|br\|URL +.*\[default emulator; env CC_TARGET\]/);
    expect(help).toMatch(/--reporter \S+ +.*\[default console,junit,json; env CC_REPORTER\]/);
    expect(help).toMatch(/--callback-listen HOST:PORT +.*\[default 127\.0\.0\.1:0; env CC_CALLBACK_LISTEN\]/);
    expect(help).not.toMatch(/--bail .*default/);
    expect(formatHelp()).toContain("help [COMMAND]");
  });

  it("lists every option of the table", () => {
    const help = formatHelp();
    for (const o of OPTIONS) expect(help).toContain(`--${o.flag}`);
    expect(formatHelp("emulator")).toContain("--port N");
    expect(formatHelp("emulator")).not.toContain("--target");
  });
});
