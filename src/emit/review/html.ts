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
 * character) tells so. A text that holds some (nearly every record holds a ">",
 * between the parts of its section) is rewritten one character at a time by a
 * native replaceAll each: no JavaScript runs per match. Reading the text by code
 * unit in JavaScript was most of a review page's time, a loop over its matches
 * (a slice, a concatenation and a search each) still much of it, and a global
 * replace calling a function per match is slower still.
 */
function replaceChars(s: string, table: Replacements): string {
  if (!table.any.test(s)) return s;
  const { chars, by } = table;
  for (let k = 0; k < chars.length; k++) s = s.replaceAll(chars[k]!, by[k]!);
  return s;
}

/**
 * Characters and their replacements, applied in this order; `any` matches any
 * of them. No replacement holds a character replaced after it ("&" goes first),
 * so each character of the text is replaced once, as by one pass over it.
 */
interface Replacements { chars: string[]; by: string[]; any: RegExp }
function replacements(m: Record<string, string>): Replacements {
  const chars = Object.keys(m), by = Object.values(m);
  chars.forEach((c, k) => {
    if (chars.slice(k + 1).some((later) => by[k]!.includes(later))) throw new Error(`replacements: ${c} must come after what its replacement holds`);
  });
  return { chars, by, any: new RegExp(`[${chars.map(uEscape).join("")}]`) };
}
/** A character as a JavaScript (and JSON, and regular expression) \\u escape. */
const uEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
const ENTITY = replacements({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" });

/** Text for an HTML text node or a quoted attribute value. */
export function esc(s: string): string {
  return replaceChars(s, ENTITY);
}

/** Whether `esc` would change `s` (a part of a text that holds nothing it rewrites holds nothing either). */
export function escapes(s: string): boolean {
  return ENTITY.any.test(s);
}

const SCRIPT_UNSAFE = replacements(Object.fromEntries(["<", ">", "&", "\u2028", "\u2029"].map((c) => [c, uEscape(c)])));

/**
 * JSON to embed in `<script type="application/json">`: the characters that could
 * end the element or open a comment (<, >, &) and the JS line separators are
 * written as \u escapes, so no input text can close the script element.
 */
export function jsonData(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}

/** JSON text made safe to embed as jsonData makes it: pieces of a JSON text, each made so, make the whole made so. */
export function scriptSafe(json: string): string {
  return replaceChars(json, SCRIPT_UNSAFE);
}

/** A text's hash as a CSP source. Every review page has the same style and script: each is hashed once, not for every page. */
function sha256(s: string): string {
  let h = hashes.get(s);
  if (h === undefined) hashes.set(s, (h = `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`));
  return h;
}
const hashes = new Map<string, string>();

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
