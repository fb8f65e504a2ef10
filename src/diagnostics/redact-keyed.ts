import { isPlaceholder, isSecretKey } from "../vocabulary/secrets";

/**
 * Values a text shows under a secret-like key, found by the text's own syntax, for secrets nobody told the redactor
 * about: JSON (`"client_secret": "x"`, also JSON inside a JSON string), forms and queries (`client_secret=x`) and
 * indented YAML lines (`  client_secret: x`, as in a code frame or a source excerpt).
 */
const JSON_PAIR = /"([^"\\\n]{1,200})"(\s*:\s*)"((?:[^"\\\n]|\\.)*)"/g;
/** JSON inside a JSON string: a quote of the inner value is \\\" there, a backslash \\\\, the closing quote \" */
const ESCAPED_JSON_PAIR = /\\"([^"\\\n]{1,200})\\"(\s*:\s*)\\"((?:[^"\\]|\\\\\\\\|\\\\\\"|\\\\[^"\\])*)\\"/g;
const FORM_PAIR = /(^|[?&\s;,])([A-Za-z0-9_.%[\]-]{1,200})=([^&\s"<>]+)/g;
const YAML_LINE = /^((?:[ \t]+(?:-[ \t]+)?|-[ \t]+)(["']?)([A-Za-z_$][\w.$[\]'-]{0,199})\2:[ \t]+)([^\n]+)/gm;

function decodedKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** A secret-like key with a value that is not a placeholder. */
function hides(key: string, value: string): boolean {
  return isSecretKey(key) && !isPlaceholder(value);
}

/** The text with every value under a secret-like key replaced by `mask`. */
export function redactKeyedValues(text: string, mask: string): string {
  let out = text;
  if (out.includes('"')) {
    out = out.replace(JSON_PAIR, (all, key: string, colon: string, v: string) => (hides(key, v) ? `"${key}"${colon}"${mask}"` : all));
    if (out.includes('\\"')) {
      out = out.replace(ESCAPED_JSON_PAIR, (all, key: string, colon: string, v: string) => (hides(key, v) ? `\\"${key}\\"${colon}\\"${mask}\\"` : all));
    }
  }
  if (out.includes("=")) {
    out = out.replace(FORM_PAIR, (all, lead: string, key: string, v: string) => (hides(decodedKey(key), v) ? `${lead}${key}=${mask}` : all));
  }
  if (out.includes(":")) {
    out = out.replace(YAML_LINE, (all, start: string, _quote: string, key: string, v: string) => (hides(key, v) ? `${start}${mask}` : all));
  }
  return out;
}
