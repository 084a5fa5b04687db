// Makes a bundle's source ASCII. esbuild escapes the non-ASCII characters of strings
// and templates, not those of regular expression literals (about 400 in this project's
// bundle, its Chinese patterns) or comments. An ASCII script is read as Latin-1 into a
// one-byte string, about half the time of decoding UTF-8 with non-ASCII characters in it
// (src/launch.ts reads the bundle at every start). Each character is written as the
// escape that stands for the same character in a pattern, with or without the u flag;
// each changed pattern is checked to parse to the same characters (regexpp, ESLint's
// parser of ECMAScript regular expressions). A non-ASCII character anywhere else (a
// String.raw template) is an error: the build stops rather than ship a bundle read wrongly.
import ts from "typescript";
import { RegExpParser } from "@eslint-community/regexpp";

const NON_ASCII = /[^\x00-\x7f]/;
const hex4 = (c) => "\\u" + c.toString(16).toUpperCase().padStart(4, "0");

/** A pattern's body with every non-ASCII code unit escaped (an identity escape `\中` becomes the escape of 中). */
export function escapePattern(body) {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x80) { out += body[i]; continue; }
    // an odd run of backslashes before it escapes it: drop that backslash, the escape stands for the character
    let slashes = 0;
    for (let k = out.length - 1; k >= 0 && out[k] === "\\"; k--) slashes++;
    if (slashes % 2 === 1) out = out.slice(0, -1);
    out += hex4(c);
  }
  return out;
}

/** The parse tree of a pattern, without positions and raw text: what it matches. */
function meaning(body, flags) {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(body, 0, body.length, { unicode: flags.includes("u"), unicodeSets: flags.includes("v") });
  return JSON.stringify(ast, (k, v) => (k === "parent" || k === "start" || k === "end" || k === "raw" || k === "resolved" ? undefined : v));
}

/** Every non-ASCII comment character, as its escape's text (a comment means nothing to the program). */
function commentRanges(code, sf) {
  const ranges = new Map();
  const visit = (node) => {
    for (const get of [ts.getLeadingCommentRanges, ts.getTrailingCommentRanges]) {
      for (const r of get(code, node.pos) ?? []) ranges.set(r.pos, r.end);
      for (const r of get(code, node.end) ?? []) ranges.set(r.pos, r.end);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return ranges;
}

/** The bundle's source, ASCII only, with the same meaning. Throws when a non-ASCII character is left outside patterns and comments. */
export function asciiOnly(code) {
  if (!NON_ASCII.test(code)) return code;
  const sf = ts.createSourceFile("bundle.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      if (NON_ASCII.test(text)) {
        const close = text.lastIndexOf("/");
        const body = text.slice(1, close), flags = text.slice(close + 1);
        const escaped = escapePattern(body);
        if (meaning(escaped, flags) !== meaning(body, flags)) throw new Error(`escaping changed the pattern /${body}/${flags}`);
        edits.push([node.getStart(sf), node.end, `/${escaped}/${flags}`]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const [pos, end] of commentRanges(code, sf)) {
    const text = code.slice(pos, end);
    if (NON_ASCII.test(text)) edits.push([pos, end, text.replace(/[^\x00-\x7f]/g, (ch) => hex4(ch.charCodeAt(0)).slice(1))]);
  }
  edits.sort((a, b) => a[0] - b[0]);
  let out = "", at = 0;
  for (const [pos, end, text] of edits) {
    if (pos < at) continue; // a comment range met twice
    out += code.slice(at, pos) + text;
    at = end;
  }
  out += code.slice(at);
  const left = NON_ASCII.exec(out);
  if (left) throw new Error(`a non-ASCII character the bundle cannot escape (outside a pattern or a comment): ${JSON.stringify(out.slice(Math.max(0, left.index - 60), left.index + 20))}`);
  return out;
}
