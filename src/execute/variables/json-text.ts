/**
 * JSON text of a defined value. JSON.stringify recurses, so a value nested thousands of levels deep (a captured
 * response) overflows the stack; such a value is written again by an explicit stack instead.
 */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return deepJsonText(value);
  }
}

/** Text still to write, or a value still to serialize (boxed: a string value is not text). */
type Work = string | { value: unknown };

function deepJsonText(root: unknown): string {
  let out = "";
  const work: Work[] = [{ value: root }];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    out += typeof item === "string" ? item : openValue(item.value, work);
  }
  return out;
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** The text that opens `value`; its members, separators and closing bracket go onto `work`, last first. */
function openValue(value: unknown, work: Work[]): string {
  if (Array.isArray(value)) {
    work.push("]");
    for (let i = value.length - 1; i >= 0; i--) {
      work.push({ value: isSkipped(value[i]) ? null : value[i] });
      if (i > 0) work.push(",");
    }
    return "[";
  }
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    const entries = Object.entries(value).filter(([, member]) => !isSkipped(member));
    work.push("}");
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, member] = entries[i]!;
      work.push({ value: member }, `${i > 0 ? "," : ""}${JSON.stringify(key)}:`);
    }
    return "{";
  }
  return JSON.stringify(value) ?? "null";
}
