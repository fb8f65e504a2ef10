import { verdict } from "./main";

describe("bench verdict", () => {
  it("says yes only when the target is met and the runner did its job", () => {
    expect(verdict(true, [])).toBe("yes");
    expect(verdict(false, [])).toBe("NO");
  });

  it("says NO (runner failed: ...) when steps failed or a cold-start spawn exited non-zero, however fast", () => {
    expect(verdict(true, ["round 2: 998 of 1000 steps passed, 1000 expected"])).toBe("NO (runner failed: round 2: 998 of 1000 steps passed, 1000 expected)");
    expect(verdict(true, ["spawn 1 exited 3", "spawn 4 exited 2"])).toBe("NO (runner failed: spawn 1 exited 3; spawn 4 exited 2)");
  });
});
