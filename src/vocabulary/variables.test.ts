import { DYNAMIC_VARIABLES, dynamicValue, isDynamicVariable, looksDynamic } from "./dynamic-variables";
import { regionOfVariable, regionalVariableName, runVariableNames } from "./run-variables";

describe("dynamic variables", () => {
  it("each renders a fresh value of its kind", () => {
    expect(dynamicValue("$guid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(dynamicValue("$guid")).not.toBe(dynamicValue("$guid"));
    expect(Number(dynamicValue("$randomInt"))).toBeGreaterThanOrEqual(0);
    expect(dynamicValue("$isoTimestamp")).toMatch(/^\d{4}-\d\d-\d\dT/);
    for (const [name, make] of DYNAMIC_VARIABLES) expect([name, typeof make()]).toEqual([name, "string"]);
  });

  it("knows which names are dynamic and which of those exist", () => {
    expect([looksDynamic("$randomInteger"), isDynamicVariable("$randomInteger"), dynamicValue("$randomInteger")]).toEqual([true, false, undefined]);
    expect([looksDynamic("PROJECT"), isDynamicVariable("$timestamp")]).toEqual([false, true]);
  });
});

describe("run variables", () => {
  it("name the per-region family and read the region back", () => {
    expect(regionalVariableName("TEMPLATE_BASE_URL", "eu")).toBe("TEMPLATE_BASE_URL_EU");
    expect(["BASE_URL_BR", "AUTH_URL_US", "BASE_URL", "PROJECT_EU"].map(regionOfVariable)).toEqual(["br", "us", undefined, undefined]);
  });

  it("list every name a suite may use unannounced, per region of the run", () => {
    expect(runVariableNames(["eu"])).toEqual(expect.arrayContaining(["PROJECT", "WEBHOOK_SECRET", "ADMIN_URL", "ACCESS_TOKEN", "BASE_URL_EU"]));
    expect(runVariableNames(["eu"])).not.toContain("BASE_URL_US");
    expect(runVariableNames()).toEqual(expect.arrayContaining(["BASE_URL_US", "AUTH_URL_EU", "TEMPLATE_BASE_URL_BR"]));
  });
});
