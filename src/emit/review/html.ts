import { createHash } from "node:crypto";

/**
 * Safe HTML pieces for the review pages. Every text that comes from an input
 * (source lines, quotes, file names, titles) goes through `esc` or `jsonData`;
 * the pages carry a Content-Security-Policy that allows only their own inline
 * style and script (by hash) and no network at all, so even an escaping slip
 * could neither run a script nor fetch anything.
 */

/**
 * `s` with the characters `table` names replaced. Most texts hold none of them:
 * a native search (a regular expression of one character class, about 1 ns a
 * character) tells so, and finds each one there is, from the one before. Reading
 * the text by code unit in JavaScript was most of a review page's time (the page
 * passes every source line and every record through here; nearly every record
 * holds a ">", between the parts of its section), and a global replace calling a
 * function per match is slower still.
 */
function replaceChars(s: string, table: Replacements): string {
  let i = s.search(table.any);
  if (i < 0) return s;
  const next = table.next;
  let out = "", from = 0;
  while (i >= 0) {
    out += s.slice(from, i) + table.by[table.slot[s.charCodeAt(i)]!];
    from = i + 1;
    // each match is one code unit: the search ends just after it
    next.lastIndex = from;
    i = next.test(s) ? next.lastIndex - 1 : -1;
  }
  return out + s.slice(from);
}

/**
 * A replacement per BMP character: `slot[code]` is its index in `by` (0: kept as
 * is); `any` matches any of them, and `next` too, from its lastIndex on.
 */
interface Replacements { slot: Uint8Array; by: string[]; any: RegExp; next: RegExp }
function replacements(m: Record<string, string>): Replacements {
  const slot = new Uint8Array(0x10000), by = [""];
  let cls = "";
  for (const [c, r] of Object.entries(m)) {
    slot[c.charCodeAt(0)] = by.length;
    by.push(r);
    cls += uEscape(c);
  }
  return { slot, by, any: new RegExp(`[${cls}]`), next: new RegExp(`[${cls}]`, "g") };
}
/** A character as a JavaScript (and JSON, and regular expression) \\u escape. */
const uEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
const ENTITY = replacements({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" });

/** Text for an HTML text node or a quoted attribute value. */
export function esc(s: string): string {
  return replaceChars(s, ENTITY);
}

const SCRIPT_UNSAFE = replacements(Object.fromEntries(["<", ">", "&", "\u2028", "\u2029"].map((c) => [c, uEscape(c)])));

/**
 * JSON to embed in `<script type="application/json">`: the characters that could
 * end the element or open a comment (<, >, &) and the JS line separators are
 * written as \u escapes, so no input text can close the script element.
 */
export function jsonData(value: unknown): string {
  return replaceChars(JSON.stringify(value), SCRIPT_UNSAFE);
}

const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

/**
 * A whole page: CSP meta (no network; only this page's own style and script),
 * then head and body. In pieces, as the body comes: a review page of a large
 * input is made as it is written, piece by piece: never held as one string (nor
 * one copy of it per concatenation), nor whole in pieces.
 */
export function* page(opts: { title: string; style: string; script?: string; body: string | Iterable<string> }): Generator<string> {
  const { head, tail } = pageShell(opts);
  yield head;
  if (typeof opts.body === "string") yield opts.body;
  else yield* opts.body;
  yield tail;
}

/** What comes before a page's body and after it (page); a page made in one generator writes its body between them itself. */
export function pageShell(opts: { title: string; style: string; script?: string }): { head: string; tail: string } {
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(opts.style)}`,
    opts.script ? `script-src ${sha256(opts.script)}` : "script-src 'none'",
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const head = `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(opts.title)}</title>
<style>${opts.style}</style>
</head>
<body>
`;
  const tail = `
${opts.script ? `<script>${opts.script}</script>\n` : ""}</body>
</html>
`;
  return { head, tail };
}
