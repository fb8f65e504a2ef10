import { isSecretKey } from "../vocabulary/secrets";

/**
 * Values a text shows under a secret-like key, found by the text's own syntax, for secrets nobody told the redactor
 * about: JSON (`"client_secret": "x"`, also JSON inside a JSON string), forms and queries (`client_secret=x`) and
 * indented YAML lines (`  client_secret: x`, as in a code frame or a source excerpt).
 */
const JSON_PAIR = /"([^"\\\n]{1,200})"(\s*:\s*)"((?:[^"\\\n]|\\.)*)"/g;
/** JSON inside a JSON string: a quote of the inner value is \\\" there, a backslash \\\\, the closing quote \" */
const ESCAPED_JSON_PAIR = /\\"([^"\\\n]{1,200})\\"(\s*:\s*)\\"((?:[^"\\]|\\\\\\\\|\\\\\\"|\\\\[^"\\])*)\\"/g;
const FORM_PAIR = /(^|[?&\s;,])([A-Za-z0-9_.%[\]-]{1,200})=([^&\s"<>]+)/g;
const YAML_LINE = /^([ \t]+(?:-[ \t]+)?|-[ \t]+)(["']?)([A-Za-z_$][\w.$[\]'-]{0,199})\2(:[ \t]+)([^\n]+)/gm;

function decodedKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** The text with every value under a secret-like key replaced by `mask`. */
export function redactKeyedValues(text: string, mask: string): string {
  let out = text;
  if (out.includes('"')) {
    out = out.replace(JSON_PAIR, (all, key: string, colon: string) => (isSecretKey(key) ? `"${key}"${colon}"${mask}"` : all));
    if (out.includes('\\"')) {
      out = out.replace(ESCAPED_JSON_PAIR, (all, key: string, colon: string) => (isSecretKey(key) ? `\\"${key}\\"${colon}\\"${mask}\\"` : all));
    }
  }
  if (out.includes("=")) {
    out = out.replace(FORM_PAIR, (all, lead: string, key: string) => (isSecretKey(decodedKey(key)) ? `${lead}${key}=${mask}` : all));
  }
  if (out.includes(":")) {
    out = out.replace(YAML_LINE, (all, indent: string, quote: string, key: string, colon: string) =>
      (isSecretKey(key) ? `${indent}${quote}${key}${quote}${colon}${mask}` : all));
  }
  return out;
}
