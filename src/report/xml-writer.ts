/*
 * A minimal XML writer for the one fixed document shape of junit.xml. xmlbuilder2 builds a DOM first and took
 * 10-70 ms for 1000 test cases, the largest cost of a 1000-request run in `npm run bench`; writing strings
 * directly takes about 1 ms. Well-formedness is proven by the tests (xmlbuilder2 parses the output back, libxml2
 * validates it against the XSD).
 */

const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\n\r\t]/;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };

/** Characters XML 1.0 cannot hold become U+FFFD. */
export function cleanXml(text: string): string {
  return text.replace(INVALID_XML, "\uFFFD");
}

/** Escaped element text. */
export function escapeText(text: string): string {
  const t = cleanXml(text);
  return TEXT_SPECIAL.test(t) ? t.replace(/[&<>\r]/g, (c) => ENTITIES[c]!) : t;
}

/** Escaped attribute value (line breaks and tabs kept as character references). */
export function escapeAttr(text: string): string {
  const t = cleanXml(text);
  return ATTR_SPECIAL.test(t) ? t.replace(/[&<>"\n\r\t]/g, (c) => ENTITIES[c]!) : t;
}

/** Attributes as ` name="value"...`, in the given order. */
export function attrs(values: Record<string, string>): string {
  let out = "";
  for (const name in values) out += ` ${name}="${escapeAttr(values[name]!)}"`;
  return out;
}

/** An element: `<name a="b"/>` when empty, otherwise open tag, escaped text, close tag. */
export function element(indent: string, name: string, attributes: Record<string, string>, text?: string): string {
  return text ? `${indent}<${name}${attrs(attributes)}>${escapeText(text)}</${name}>\n` : `${indent}<${name}${attrs(attributes)}/>\n`;
}
