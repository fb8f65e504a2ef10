import { wantsColor } from "./color";

describe("wantsColor", () => {
  it.each([
    ["a terminal", { noColor: false, env: {}, tty: true }, true],
    ["a pipe", { noColor: false, env: {}, tty: false }, false],
    ["a pipe with FORCE_COLOR=1", { noColor: false, env: { FORCE_COLOR: "1" }, tty: false }, true],
    ["a pipe with FORCE_COLOR= (empty)", { noColor: false, env: { FORCE_COLOR: "" }, tty: false }, true],
    ["a pipe with FORCE_COLOR=3", { noColor: false, env: { FORCE_COLOR: "3" }, tty: false }, true],
    ["a terminal with FORCE_COLOR=0", { noColor: false, env: { FORCE_COLOR: "0" }, tty: true }, false],
    ["a terminal with FORCE_COLOR=false", { noColor: false, env: { FORCE_COLOR: "false" }, tty: true }, false],
    ["a terminal with NO_COLOR=1", { noColor: false, env: { NO_COLOR: "1" }, tty: true }, false],
    ["a terminal with NO_COLOR= (empty, so not set)", { noColor: false, env: { NO_COLOR: "" }, tty: true }, true],
    ["FORCE_COLOR over NO_COLOR", { noColor: false, env: { NO_COLOR: "1", FORCE_COLOR: "1" }, tty: false }, true],
    ["--no-color over FORCE_COLOR", { noColor: true, env: { FORCE_COLOR: "1" }, tty: true }, false],
  ])("%s", (_what, inputs, expected) => {
    expect(wantsColor(inputs)).toBe(expected);
  });
});
