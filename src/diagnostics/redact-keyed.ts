import { isPlaceholder, isSecretKey, SECRET_WORD } from "../vocabulary/secrets";
import { isShapeTypeText } from "../vocabulary/shape-notation";

/**
 * Values a text shows under a secret-like key, found by the text's own syntax, for secrets nobody told the redactor
 * about: JSON (`"client_secret": "x"`, also JSON inside a JSON string), forms and queries (`client_secret=x`) and
 * indented YAML lines (`  client_secret: x`, as in a code frame or a source excerpt).
 *
 * A value that is a recorded shape type (`"$.x.static_token": "object?"` in results.json) is left alone: it is no
 * secret, and the gate needs it.
 *
 * Each pattern starts at a secret word, so a long text without one costs a single scan; the part of the key
 * before the word is read backwards from there.
 */
interface KeyedSyntax {
  /** `key`: the word and the rest of the key; `head`: up to where the value starts; `value` */
  pattern: RegExp;
  /** characters a key holds before the word */
  keyChar: RegExp;
  /** whether what stands before the key (the text up to `start`) opens a key of this syntax */
  opens(text: string, start: number): boolean;
}

const word = `(?<key>(?:${SECRET_WORD})`;
const SYNTAXES: KeyedSyntax[] = [
  {
    pattern: new RegExp(`(?<head>${word}[^"\\\\\\n]{0,200})"\\s*:\\s*")(?<value>(?:[^"\\\\\\n]|\\\\.)*)"`, "gi"),
    keyChar: /[^"\\\n]/,
    opens: (text, start) => text[start - 1] === '"' && text[start - 2] !== "\\",
  },
  {
    // JSON inside a JSON string: a quote of the inner value is \\\" there, a backslash \\\\, the closing quote \"
    pattern: new RegExp(`(?<head>${word}[^"\\\\\\n]{0,200})\\\\"\\s*:\\s*\\\\")(?<value>(?:[^"\\\\]|\\\\\\\\\\\\\\\\|\\\\\\\\\\\\"|\\\\\\\\[^"\\\\])*)\\\\"`, "gi"),
    keyChar: /[^"\\\n]/,
    opens: (text, start) => text.slice(start - 2, start) === '\\"',
  },
  {
    pattern: new RegExp(`(?<head>${word}[A-Za-z0-9_.%[\\]-]{0,200})=)(?<value>[^&\\s"<>]+)`, "gi"),
    keyChar: /[A-Za-z0-9_.%[\]-]/,
    opens: (text, start) => start === 0 || /[?&\s;,]/.test(text[start - 1]!),
  },
  {
    pattern: new RegExp(`(?<head>${word}[\\w.$[\\]'-]{0,200})["']?:[ \\t]+)(?<value>[^\\n]+)`, "gi"),
    keyChar: /[\w.$[\]'-]/,
    opens: (text, start) => /^(?:[ \t]+(?:-[ \t]+)?|-[ \t]+)["']?$/.test(text.slice(text.lastIndexOf("\n", start - 1) + 1, start)),
  },
];

function decodedKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** Where the key that contains the word at `at` begins. */
function keyStart(text: string, at: number, keyChar: RegExp): number {
  let start = at;
  while (start > 0 && at - start < 200 && keyChar.test(text[start - 1]!)) start--;
  return start;
}

function redactSyntax(text: string, syntax: KeyedSyntax, mask: string): string {
  const { pattern } = syntax;
  pattern.lastIndex = 0;
  let out = "";
  let done = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const { head, key, value } = m.groups as { head: string; key: string; value: string };
    const start = keyStart(text, m.index, syntax.keyChar);
    const fullKey = decodedKey(text.slice(start, m.index) + key);
    if (!syntax.opens(text, start) || !isSecretKey(fullKey) || isPlaceholder(value) || isShapeTypeText(value) || value.includes(mask)) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    const valueStart = m.index + head.length;
    out += text.slice(done, valueStart) + mask;
    done = valueStart + value.length;
  }
  return done === 0 ? text : out + text.slice(done);
}

/** Any secret word, anywhere: every syntax's match starts at one, so a text without one needs no further pass. */
const ANY_WORD = new RegExp(SECRET_WORD, "i");

/** The text with every value under a secret-like key replaced by `mask`. */
export function redactKeyedValues(text: string, mask: string): string {
  if (!ANY_WORD.test(text)) return text;
  let out = text;
  for (const syntax of SYNTAXES) out = redactSyntax(out, syntax, mask);
  return out;
}
