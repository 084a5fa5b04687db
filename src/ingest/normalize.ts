import { ADDRESSEE_LINE, DATE_LINE, DOC_NUMBER_LINE, TITLE_END } from "../shared/patterns.js";
import { charClass } from "../shared/char-class.js";
import { editByPieces, editLinesByPieces, linesOfText, removeRanges, rewrite, withLineText, type Cuts, type InputFormat, type Source, type SourcePieces, type TextLines } from "./source.js";
import { markerAt } from "../shared/markers.js";

/**
 * Normalisation steps, each an edit recorded in the position map (see
 * `rewrite`). Order matters: fold characters first, then spaces, then rejoin
 * paragraphs split by page breaks.
 */

/**
 * An edit within lines: every match of `re` (global, linear-time, never empty, holding
 * no line break and reading none) becomes `by`: a string without `$`, or what the
 * function gives for the match, its offset and the text edited (the arguments
 * String.prototype.replace passes for a pattern without groups).
 */
interface LineEdit {
  readonly re: RegExp;
  readonly by: string | ((match: string, at: number, text: string) => string);
}

/** A text after `edits`, one after another. */
function editedText(text: string, edits: readonly LineEdit[]): string {
  for (const { re, by } of edits) text = typeof by === "string" ? text.replace(re, by) : text.replace(re, by);
  return text;
}

/**
 * `src` after `edits`, one after another. A source mapped line by line (every input
 * but a PDF) is edited as text by String.prototype.replace, which finds a pattern's
 * matches in one native call and builds the result natively, and its map is made once,
 * from the line starts of the result (`withLineText`): through `rewrite`, each match
 * was an exec and its result array, and each edit that changed a text copied the map's
 * runs, a run a line, in JavaScript. Any other source goes through `rewrite`, which
 * records where each replacement came from.
 */
function edited(src: Source, edits: readonly LineEdit[]): Source {
  if (src.map.byLine) return withLineText(src, editedText(src.text, edits));
  let out = src;
  for (const { re, by } of edits) {
    const text = out.text;
    out = rewrite(out, re, typeof by === "string" ? () => by : (m) => by(m[0], m.index, text));
  }
  return out;
}

/**
 * Full-width forms (U+FF01-U+FF5E, each 0xFEE0 above its ASCII) of the ASCII that
 * is folded, 0-9 A-Z a-z % . + - / < > = ~ (％＋－．／０-９＜＝＞Ａ-Ｚａ-ｚ～), and the odd
 * spaces. Full-width CJK punctuation that carries meaning in Chinese text
 * (，；：（）) is kept, and so is not matched at all: matching the whole block
 * made a callback at every ，of a document only to keep it.
 */
const FULLWIDTH = /[\uff05\uff0b\uff0d-\uff19\uff1c-\uff1e\uff21-\uff3a\uff41-\uff5a\uff5e\u3000\u00a0\u2002-\u200b\ufeff\f\v]/g;

/** Full-width ASCII (digits, letters, ％, ．) → ASCII; odd spaces → ' ' (zero-width → nothing).
 * A form feed (the page break pdftotext writes at a page's first line) is dropped,
 * so that line still starts with its heading marker. */
const FOLD_WIDTH: LineEdit = {
  re: FULLWIDTH,
  by: (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a)) return " ";
    if (c === 0x200b || c === 0xfeff || c === 0x0c || c === 0x0b) return "";
    return String.fromCharCode(c - 0xfee0);
  },
};

export function foldWidth(src: Source): Source {
  return edited(src, [FOLD_WIDTH]);
}

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’、";
/**
 * Spaces between a CJK character and a digit/Latin/% (either order): `2025 年` → `2025年`.
 * Each pattern here that starts at a run's first space consumes that space and then
 * looks behind it (` (?<=X )`), where `(?<=X) +` was written before: the same matches,
 * but a pattern that opens with a character is searched for natively, while one
 * that opens with a lookbehind is tried at every position (CJK_SPACE over c6: ~6 -> ~1.5 ms).
 * Only a run's first space passes the lookbehind, so each run is read once: linear.
 */
const CJK_SPACE = new RegExp(` (?:(?<=[${CJK}] ) *(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%.] ) *(?=[${CJK}]))`, "g");
/** Runs of spaces inside a line collapse to one. */
const SPACE_RUN = / {2,}/g;

const SQUEEZE_SPACES: readonly LineEdit[] = [{ re: CJK_SPACE, by: "" }, { re: SPACE_RUN, by: " " }];

export function squeezeSpaces(src: Source): Source {
  return edited(src, SQUEEZE_SPACES);
}

/** Trailing spaces/tabs at line ends, leading spaces at line starts. The lookbehind
 * lets only the FIRST blank of a run start a match, which keeps a long run of
 * tabs that is not at a line end linear instead of quadratic. */
const LINE_END_BLANKS = /(?<![ \t])[ \t]+(?=\n)|(?<![^\n]) +/g;

const TRIM_LINE_ENDS: LineEdit = { re: LINE_END_BLANKS, by: "" };

export function trimLineEnds(src: Source): Source {
  return edited(src, [TRIM_LINE_ENDS]);
}

/**
 * Page-break rejoin: a long line that stops mid-sentence, followed by blank
 * lines and a line that is not a heading, continues on that line. The blank
 * lines are removed; each character keeps its own original line.
 */
/** what a line that does not go on ends with (its last code unit) */
const TERMINAL = charClass("。；！？：:;!?”）)]】〕］」』…");
/** a line opening with a heading or list marker (shared/markers.ts), an attachment or a note */
const headingStart = (line: string) => markerAt(line) !== undefined || /^(?:专栏|附件|附表|注[:：])/.test(line);

const RUN_IN = /[。；！？]/;

/** what opens a 《 “ or （: a line holding none leaves none open */
const OPENER = /[《“（]/;
/**
 * A 《 “ or （ opened on the line and not closed on it (read by code unit: no string per character).
 * Each count is stepped at every character, by 0 for most: a count stepped only in its own case
 * was an operation without type feedback until a line held that bracket, and V8, which compiles
 * this loop early, deoptimized it at the first such line.
 */
function unclosed(line: string): boolean {
  if (!OPENER.test(line)) return false;
  let book = 0, quote = 0, paren = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    book += c === 0x300a ? 1 : c === 0x300b ? -1 : 0; // 《 》
    quote += c === 0x201c ? 1 : c === 0x201d ? -1 : 0; // “ ”
    paren += c === 0xff08 ? 1 : c === 0xff09 ? -1 : 0; // （ ）
  }
  return book > 0 || quote > 0 || paren > 0;
}

export function rejoinPageBreaks(src: Source): Source {
  return removeRanges(src, pageBreakCuts(linesOfText(src.text), src.format));
}

/**
 * Where rejoinPageBreaks cuts `lines`: each cut is the line break and blank lines
 * between a fragment and its continuation, removed as they are, not by a match and
 * a callback at every line break of the text. Most lines end a sentence: that is
 * tested first, on the last code unit, before anything else is read of the line
 * (every test below is a further condition for a cut, so their order is free).
 */
function pageBreakCuts(lines: TextLines, format: InputFormat): Cuts {
  const cuts: Array<[number, number]> = [];
  const { starts } = lines;
  for (let k = 0; k < starts.length; k++) {
    const cur = lines.text(k);
    // an empty line is no fragment (nothing below cuts after it), and its last code unit is not read at -1:
    // an index out of bounds deoptimized this loop's compiled code at the first blank line
    if (cur.length === 0 || TERMINAL.has(cur.charCodeAt(cur.length - 1))) continue;
    // a short line is a heading, title or signature line unless it visibly stops
    // mid-paragraph: a sentence already ended on it, or a 《 “ （ is left open
    const fragment = cur.length >= 30 || RUN_IN.test(cur) || unclosed(cur);
    if (!fragment || cur.includes("\t")) continue;
    // a heading line stands alone, but a run-in heading ("（一）坚决筑牢…屏障。印发《筑牢我")
    // is a paragraph that a page break can split like any other
    const pureHeading = headingStart(cur) && cur.length <= 40 && !RUN_IN.test(cur);
    if (pureHeading || TITLE_END.test(cur)) continue;
    let n = k + 1;
    while (n < starts.length && lines.text(n).trim() === "") n++;
    // no blank gap: a real line break. A PDF shows a paragraph break as space its text does not keep,
    // so there a prose line (a sentence or clause already ended on it) that stops mid-sentence goes on regardless
    const gapless = format === "pdf" && (RUN_IN.test(cur) || unclosed(cur) || (cur.length >= 30 && /[，、]/.test(cur)));
    if ((n === k + 1 && !gapless) || n >= starts.length) continue;
    if (n - k > 4) continue; // a long gap is not a page break
    const next = lines.text(n);
    if (!next || next.includes("\t") || headingStart(next) || next.startsWith("#")) continue;
    if (DOC_NUMBER_LINE.test(next) || DATE_LINE.test(next) || ADDRESSEE_LINE.test(next)) continue;
    cuts.push([starts[k]! + cur.length, starts[n]!]);
  }
  return cuts;
}

/**
 * PDF line unwrap: a PDF's text comes out one printed line per line, so every
 * paragraph is cut at the right margin. A line that reaches the margin (its
 * display width is close to the page's usual full width) and does not end a
 * sentence continues on the next line, unless that line opens a heading or a
 * document-head line. Display width counts CJK/full-width as 2, the rest as 1.
 * Text files are left alone: their lines are paragraphs.
 */
const WRAP_END = /[。！？：:!?]$/;
const LINE_START_PUNCT = /^[，。、；：！？）》”’〕】」』,.;:!?)]/;

function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // CJK, full-width forms, and the quotes/dashes/ellipsis a CJK font sets full-width
    w += c >= 0x2e80 || (c >= 0x2010 && c <= 0x206f) ? 2 : 1;
  }
  return w;
}

/** Measure of a full printed line: the 90th percentile over lines of some length. */
function fullWidth(widths: number[]): number | null {
  const long = widths.filter((w) => w >= 20).sort((a, b) => b - a);
  if (long.length < 5) return null; // too little text to know where the margin is
  return long[Math.floor(long.length * 0.1)]!;
}

export function unwrapPdfLines(src: Source): Source {
  if (src.format !== "pdf") return src;
  const text = src.text;
  const { starts, text: lineText } = linesOfText(text);
  const lines = starts.map((_, k) => lineText(k));
  // fonts differ: in a proportional font digits are half as wide as CJK, in a
  // monospaced CJK font they are as wide; a line that is full by either measure reaches the margin
  const full = fullWidth(lines.map(displayWidth));
  const fullCount = fullWidth(lines.map((l) => l.length));
  if (full === null || fullCount === null) return src;
  const atMargin = (l: string) => displayWidth(l) >= full * 0.9 || l.length >= fullCount * 0.9;
  const joins = new Set<number>(); // offsets of the "\n" to remove
  for (let k = 0; k + 1 < lines.length; k++) {
    const cur = lines[k]!, next = lines[k + 1]!;
    if (!cur || !next.trim() || cur.includes("\t") || next.includes("\t")) continue;
    // punctuation that may not open a line was pushed there by a naive writer: always a continuation
    const continues = LINE_START_PUNCT.test(next);
    if (!continues && (!atMargin(cur) || WRAP_END.test(cur))) continue;
    if (headingStart(next) || DOC_NUMBER_LINE.test(next) || DATE_LINE.test(next) || ADDRESSEE_LINE.test(next)) continue;
    joins.add(starts[k + 1]! - 1);
  }
  if (!joins.size) return src;
  // Latin words cut at the margin keep a space between them; CJK joins directly
  return rewrite(src, /\n/g, (m) => {
    if (!joins.has(m.index)) return m[0];
    return /[A-Za-z]/.test(text[m.index - 1] ?? "") && /[A-Za-z]/.test(text[m.index + 1] ?? "") ? " " : "";
  });
}

/**
 * Print and OCR habits inside numbers and dashes, undone before spaces are
 * squeezed (while a single space can still be told from a layout gap):
 * - digits set one by one with a space between ("2 0 0 5年", "2 9 0 0 亿元",
 *   "8 . 5 %", "第1 0条") are one number when the run is followed by a unit,
 *   a date word or a range word, or opened by 第. Runs followed by anything
 *   else (a table row "3 5 预期性", "1 2 3，") stay separate numbers;
 * - a space before % or ‰ ("8 %");
 * - a dash printed as hyphens with spaces between two Han characters
 *   ("大理 - -保山", "大理--保山") is one dash —. A lone hyphen (铁合金-合金钢)
 *   is left as written.
 * Each run is matched whole, with no condition after it, and judged in the
 * callback: linear on any input.
 */
const SPACED_DIGITS = /(?<![0-9A-Za-z.])\d(?: \d| ?\. ?\d)+/g;
/** what may follow a number set digit by digit: a unit or counter, a date word, a comparator or range word */
const NUMBER_FOLLOWER = /^ ?[%‰年月日号时分秒天周岁亿万千百十元角个家项条款章节篇吨亩米公平立度人户座所张辆台倍次处批类件只头名位届期级层多余以左至到~\-—～]/;
/** (these two open with a character and look behind it, as CJK_SPACE does, and for the same reason) */
const PERCENT_SPACE = / (?<=\d ) *(?=[%‰])/g;
/** a run opening with spaces, or with its dash, after a Han character */
const DASH_RUN = / (?<=[\u4e00-\u9fff] ) *[-－–—](?: *[-－–—])* *(?=[\u4e00-\u9fff])|[-－–—](?<=[\u4e00-\u9fff][-－–—])(?: *[-－–—])* *(?=[\u4e00-\u9fff])/g;
/** a printed dash: spaces around it, or a hyphen doubled (--); a lone hyphen or a Chinese dash —— is written text */
const isPrintedDash = (run: string) => run.includes(" ") || (run.length >= 2 && /[-－–]/.test(run));

const JOIN_SPACED_NUMBERS: readonly LineEdit[] = [
  {
    re: SPACED_DIGITS,
    by: (run, at, text) => {
      const opened = text[at - 1] === "第" || (text[at - 1] === " " && text[at - 2] === "第");
      return opened || NUMBER_FOLLOWER.test(text.slice(at + run.length, at + run.length + 2)) ? run.replace(/ /g, "") : run;
    },
  },
  { re: PERCENT_SPACE, by: "" },
  { re: DASH_RUN, by: (run) => (isPrintedDash(run) ? "—" : run) },
];

export function joinSpacedNumbers(src: Source): Source {
  return edited(src, JOIN_SPACED_NUMBERS);
}

/**
 * The steps that read no further than their own line: every pattern's context
 * (a lookbehind, a lookahead, the characters the callbacks read around a match)
 * stops at a line break, and none removes one. A piece starts right after a
 * line break, where "start of text" answers each lookbehind as the break did.
 */
const LINE_STEPS: readonly LineEdit[] = [FOLD_WIDTH].concat(JOIN_SPACED_NUMBERS, SQUEEZE_SPACES, TRIM_LINE_ENDS);
const lineSteps = (src: Source): Source => edited(src, LINE_STEPS);
const lineStepsOfText = (text: string): string => editedText(text, LINE_STEPS);

export function normalize(src: Source | SourcePieces): Source {
  // a PDF's lines are unwrapped between the line steps and the rejoin; other text is rejoined as its pieces
  // are joined, and a text whose lines are its original lines (every input but a PDF) is edited as text
  const cutsOf = (lines: TextLines) => pageBreakCuts(lines, src.format);
  const out = "texts" in src ? editLinesByPieces(src.file, src.format, src.texts, 1, lineStepsOfText, cutsOf)
    : src.format === "pdf" ? rejoinPageBreaks(unwrapPdfLines(editByPieces(src, lineSteps)))
    : src.map.byLine ? editLinesByPieces(src.file, src.format, [src.text], src.map.line(0), lineStepsOfText, cutsOf)
    : editByPieces(src, lineSteps, cutsOf);
  return src.warnings?.length ? { ...out, warnings: src.warnings } : out;
}
