import { KeySetFingerprint } from "./fingerprint";

function of(keys: string[]): string {
  const set = new KeySetFingerprint();
  for (const key of keys) set.add(key);
  return set.digest();
}

describe("KeySetFingerprint", () => {
  const keys = Array.from({ length: 1000 }, (_, i) => `suite.yaml#us/steps/step ${i}`);

  it("is the same for the same keys in any order", () => {
    expect(of([...keys].reverse())).toBe(of(keys));
    expect(of(keys)).toMatch(/^[0-9a-f]{12}$/);
  });

  it("differs when a key differs, is missing, or comes twice", () => {
    const fingerprints = new Set([
      of(keys),
      of(keys.map((k) => (k.endsWith(" 500") ? `${k}!` : k))),
      of(keys.slice(1)),
      of([...keys, keys[0]!]),
      of([]),
    ]);
    expect(fingerprints.size).toBe(5);
  });
});
