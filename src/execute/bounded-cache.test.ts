import { cached } from "./bounded-cache";

describe("a bounded cache", () => {
  it("makes a value once while it is cached, and starts over when it holds its limit, so it never grows past it", () => {
    const cache = new Map<number, string>();
    let made = 0;
    const get = (key: number) => cached(cache, key, () => `value ${key} #${++made}`, 3);
    expect([get(1), get(2), get(1), get(3)]).toEqual(["value 1 #1", "value 2 #2", "value 1 #1", "value 3 #3"]);
    expect(get(4)).toBe("value 4 #4");
    expect([...cache.keys()]).toEqual([4]);
    for (let key = 0; key < 100; key++) get(key);
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});
