import { ADDRESSEE_LINE, DATE_LINE, DOC_NUMBER_LINE, TITLE_END } from "../shared/patterns.js";
import { rewrite, type Source } from "./source.js";

/**
 * Normalisation steps, each an edit recorded in the position map (see
 * `rewrite`). Order matters: fold characters first, then spaces, then rejoin
 * paragraphs split by page breaks.
 */

const FULLWIDTH = /[\uff01-\uff5e\u3000\u00a0\u2002-\u200b\ufeff]/g;

/** Full-width ASCII (digits, letters, ％, ．) → ASCII; odd spaces → ' ' (zero-width → nothing).
 * Full-width CJK punctuation that carries meaning in Chinese text (，；：（）) is kept. */
export function foldWidth(src: Source): Source {
  return rewrite(src, FULLWIDTH, (m) => {
    const c = m[0].charCodeAt(0);
    if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a)) return " ";
    if (c === 0x200b || c === 0xfeff) return "";
    const ch = String.fromCharCode(c - 0xfee0);
    return /[0-9A-Za-z%.+\-/<>=~]/.test(ch) ? ch : m[0];
  });
}

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’、";
/** Spaces between a CJK character and a digit/Latin/% (either order): `2025 年` → `2025年`. */
const CJK_SPACE = new RegExp(`(?<=[${CJK}]) +(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%.]) +(?=[${CJK}])`, "g");
/** Runs of spaces inside a line collapse to one. */
const SPACE_RUN = / {2,}/g;

export function squeezeSpaces(src: Source): Source {
  const s = rewrite(src, CJK_SPACE, () => "");
  return rewrite(s, SPACE_RUN, () => " ");
}

/** Trailing spaces at line ends. */
export function trimLineEnds(src: Source): Source {
  return rewrite(src, /[ \t]+(?=\n)|(?<=\n)[ ]+/g, () => "");
}

/**
 * Page-break rejoin: a long line that stops mid-sentence, followed by blank
 * lines and a line that is not a heading, continues on that line. The blank
 * lines are removed; each character keeps its own original line.
 */
const TERMINAL = /[。；！？：:;!?”）)\]】…]$/;
const HEADING_START = /^(?:第[一二三四五六七八九十百零〇\d]+[篇章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|专栏|附件|附表|注[:：])/;

export function rejoinPageBreaks(src: Source): Source {
  const text = src.text;
  const cuts: Array<[number, number]> = [];
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineText = (k: number) => text.slice(lineStarts[k]!, (lineStarts[k + 1] ?? text.length + 1) - 1);
  for (let k = 0; k < lineStarts.length; k++) {
    const cur = lineText(k);
    if (cur.length < 30 || cur.includes("\t") || TERMINAL.test(cur) || HEADING_START.test(cur) || TITLE_END.test(cur)) continue;
    let n = k + 1;
    while (n < lineStarts.length && lineText(n).trim() === "") n++;
    if (n === k + 1 || n >= lineStarts.length) continue; // no blank gap: a real line break
    if (n - k > 4) continue; // a long gap is not a page break
    const next = lineText(n);
    if (!next || next.includes("\t") || HEADING_START.test(next) || next.startsWith("#")) continue;
    if (DOC_NUMBER_LINE.test(next) || DATE_LINE.test(next) || ADDRESSEE_LINE.test(next)) continue;
    cuts.push([lineStarts[k]! + cur.length, lineStarts[n]!]);
  }
  if (!cuts.length) return src;
  let idx = 0;
  const re = /\n[\s]*/g;
  return rewrite(src, re, (m) => {
    while (idx < cuts.length && cuts[idx]![0] < m.index) idx++;
    const c = cuts[idx];
    if (c && c[0] === m.index && m.index + m[0].length >= c[1]) {
      // keep whatever follows the gap: remove exactly [c0, c1)
      return m[0].slice(c[1] - m.index);
    }
    return m[0];
  });
}

export function normalize(src: Source): Source {
  return rejoinPageBreaks(trimLineEnds(squeezeSpaces(foldWidth(src))));
}
