import { charClass, nextOf, WHITESPACE } from "../../shared/char-class.js";
import { chineseDigitsValue } from "../../shared/numbers.js";
import type { Block, Doc } from "../../structure/types.js";
import { PAST } from "./phrases.js";
import { endsWithAny } from "../../shared/lexicon.js";

/**
 * When a target is due. A year written in the text wins (到2027年, 2030年前,
 * 到二〇三五年, 到“十五五”末); otherwise the document's own horizon: an annual
 * plan's year, a five-year plan's last year. A document with neither (an
 * opinion, a notice) has no default: its targets must state a year.
 */

export interface Timing {
  /** the year a target without a stated year is due, or null */
  defaultYear: number | null;
  /** first year the plan covers: years before it are the past */
  firstYear: number | null;
  /** plan period as text: `2026-2030`, `2025` */
  period: string | null;
}

export function timingOf(doc: Doc): Timing {
  const p = doc.info.plan_period;
  if (p) return { defaultYear: p[1], firstYear: p[0], period: `${p[0]}-${p[1]}` };
  const y = doc.info.plan_year;
  if (y) return { defaultYear: y, firstYear: y, period: String(y) };
  // an opinion has no horizon of its own; a bare year after its publication year is a due year, earlier ones are statistics
  const published = doc.info.date ? Number(doc.info.date.slice(0, 4)) : NaN;
  return { defaultYear: null, firstYear: Number.isFinite(published) ? published + 1 : null, period: null };
}

export interface YearMention {
  year: number;
  /** offsets in the scanned text */
  start: number;
  end: number;
  /** written as a deadline (到2027年, 2030年前, 到“十五五”末) */
  deadline: boolean;
  /** a comparison base (较2020年, 与2025年相比): not a due year, not a past statistic */
  baseline: boolean;
}

/** 十五五 → the 15th plan → 2026–2030 (the 3rd plan began in 1966; later plans are consecutive). */
export function fypEnd(ordinal: number): number {
  return 1966 + 5 * (ordinal - 3) + 4;
}

const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
// bounded: a 4-digit year or 4 Chinese digits, optional 底/末, optional 前; a 十X五 plan name with 末
const YEAR = /(\d{4}|[〇零一二三四五六七八九]{4})年(底|末|年底)?(以前|之前|前)?|[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?(?:期末|时期末|末)/;
const DEADLINE_BEFORE = ["到", "至", "于", "力争", "争取", "确保", "预计", "计划"];

/** YEAR tried at one position only */
const YEAR_AT = new RegExp(YEAR.source, "y");
const QUOTE_OPEN = 0x201c, QUOTE = 0x22;

export function yearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  // every mention holds 年 or ends with 末: most clauses and blocks hold neither, and two indexOf say so at once
  if (text.indexOf("年") < 0 && text.indexOf("末") < 0) return out;
  // YEAR is tried only where a match can start: 4 characters before a 年, at a 十 or the quote before it.
  // Those positions in order give the matches YEAR.exec would, without trying every position of the text.
  // The next 年 and 十 are kept, not searched again from every position: linear on any text.
  let pos = 0, nian = -2, shi = -2;
  for (;;) {
    if (nian !== -1 && nian < pos + 4) nian = text.indexOf("年", pos + 4);
    if (shi !== -1 && shi < pos) shi = text.indexOf("十", pos);
    let at = nian < 0 ? -1 : nian - 4;
    if (shi >= 0) {
      const q = text.charCodeAt(shi - 1);
      const s = shi - 1 >= pos && (q === QUOTE_OPEN || q === QUOTE) ? shi - 1 : shi;
      if (at < 0 || s < at) at = s;
    }
    if (at < 0) break;
    YEAR_AT.lastIndex = at;
    const m = YEAR_AT.exec(text);
    if (!m) { pos = at + 1; continue; }
    pos = m.index + m[0].length;
    let year: number;
    let deadline: boolean;
    if (m[4]) {
      year = fypEnd(10 + CN_SMALL[m[4]]!);
      deadline = true;
    } else {
      const tok = m[1]!;
      // four Arabic digits, or four Chinese digits read one by one (二〇三五): as parseChineseNumeral reads them, without its regular expression and decimal
      const d = tok.charCodeAt(0) <= 0x39 ? Number(tok) : chineseDigitsValue(tok);
      if (!(d >= 1949 && d <= 2100)) continue;
      // a date (2025年2月5日) or a month is not a year on its own
      if (/^\d{1,2}月/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      year = d;
      deadline = !!m[3] || !!m[2];
    }
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (endsWithAny(before, DEADLINE_BEFORE)) deadline = true;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const baseline = !!endsWithAny(before, PAST.baselineWords) || /^(?:相比|比较|基础上|水平上)/.test(after);
    out.push({ year, start: m.index, end: m.index + m[0].length, deadline: deadline && !baseline, baseline });
  }
  return out;
}

export type YearVerdict = { year: number; past: false } | { year: null; past: true } | { year: null; past: false };

/** Year mentions of one block, indexed for lookups from every value in it (linear overall). */
export interface BlockYears {
  mentions: YearMention[];
  /** lastDeadline[i] = index of the latest deadline mention at or before i, or -1 */
  lastDeadline: Int32Array;
  /** separatorBefore[i] = offset of the last clause separator (，：) before mention i, or -1 */
  separatorBefore: Int32Array;
}

const cache = new WeakMap<object, BlockYears>();
const NO_YEARS: BlockYears = Object.freeze({ mentions: [], lastDeadline: new Int32Array(0), separatorBefore: new Int32Array(0) });
/** a clause separator, as a search (global: from a lastIndex; every match is one character) */
const CLAUSE_SEPARATOR_AHEAD = /[，,：:]/g;

/** Year mentions (baselines dropped) of a block's text, computed once per block object. */
export function blockYears(key: object, text: string): BlockYears {
  let b = cache.get(key);
  if (b) return b;
  const mentions = yearMentions(text).filter((y) => !y.baseline);
  // most blocks state no year: they share one empty index (typed arrays are dear to allocate)
  if (!mentions.length) { cache.set(key, NO_YEARS); return NO_YEARS; }
  const n = mentions.length;
  const lastDeadline = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) { if (mentions[i]!.deadline) last = i; lastDeadline[i] = last; }
  // the clause separator before each mention (mentions are in text order): the separators found by a native
  // search, each once, not a test of every character up to the last mention (a loop hot enough to be optimized)
  const separatorBefore = new Int32Array(n);
  let sep = -1, next = nextOf(CLAUSE_SEPARATOR_AHEAD, text, 0);
  for (let i = 0; i < n; i++) {
    const start = mentions[i]!.start;
    while (next >= 0 && next < start) { sep = next; next = nextOf(CLAUSE_SEPARATOR_AHEAD, text, next + 1); }
    separatorBefore[i] = sep;
  }
  b = { mentions, lastDeadline, separatorBefore };
  cache.set(key, b);
  return b;
}

function lastEndingBy(ms: YearMention[], pos: number): number {
  let lo = 0, hi = ms.length - 1, j = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.end <= pos) { j = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return j;
}

/** A deadline written in text[from, to) of the block. */
export function deadlineWithin(years: BlockYears, from: number, to: number): boolean {
  const j = lastEndingBy(years.mentions, to);
  const k = j >= 0 ? years.lastDeadline[j]! : -1;
  return k >= 0 && years.mentions[k]!.start >= from;
}

/**
 * Due year of a value at `pos` of a block's text, `sentenceStart` being where
 * its sentence starts in that text. A deadline anywhere earlier in the block
 * governs the rest of the paragraph; a bare year governs its own sentence only,
 * and a bare year before the plan's first year marks a statistic (past: true).
 */
export function dueYear(years: BlockYears, sentenceStart: number, pos: number, timing: Timing, clauseStart = sentenceStart): YearVerdict {
  const ms = years.mentions;
  const j = lastEndingBy(ms, pos);
  if (j >= 0) {
    const y = ms[j]!;
    // a plan's deadline before its own first year (a 15th FYP's 到“十四五”末) was reached in the past
    if (y.deadline) return timing.period !== null && timing.firstYear !== null && y.year < timing.firstYear ? { year: null, past: true } : { year: y.year, past: false };
    if (y.start >= sentenceStart) {
      const before = timing.firstYear !== null ? y.year < timing.firstYear : true;
      // a past year that opens the sentence (2024年，全区…) dates all of it; one inside a later
      // clause (…工程，2024年2727万千瓦新能源项目全部投产，新建…) dates its own clause only
      if (before && (y.start >= clauseStart || years.separatorBefore[j]! < sentenceStart)) return { year: null, past: true };
      if (!before) return { year: y.year, past: false };
    }
    // bare years of earlier sentences do not govern this one; the latest deadline before them does
    const k = years.lastDeadline[j]!;
    if (k >= 0) return { year: ms[k]!.year, past: false };
  }
  return timing.defaultYear !== null ? { year: timing.defaultYear, past: false } : { year: null, past: false };
}

const SPACE = charClass(WHITESPACE);
/**
 * A paragraph set as a dash bullet: ——物流业总体规模进一步扩大。 What /^\s*(?:——|—|－－|--)/ tests,
 * read by code unit: every block of a document is tested, most open with a Chinese character, and
 * the first character says so without a call into the regular expression engine.
 */
export function dashBullet(text: string): boolean {
  let i = 0;
  while (SPACE.has(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return c === 0x2014 /* — (and ——) */ || (c === 0xff0d /* －－ */ || c === 0x2d /* -- */) && text.charCodeAt(i + 1) === c;
}

/**
 * Deadlines that dash bullets inherit. A goal paragraph states the year once
 * and its bullets give the figures ("（二）总体目标。到2020年，基本形成…" then
 * "——全市物流业增加值占全市GDP比重达到13%。"): each bullet in the run right
 * after a paragraph with a deadline is due in that paragraph's last deadline
 * year. One pass over the blocks.
 */
export function bulletDeadlines(blocks: readonly Block[]): WeakMap<Block, number> {
  const out = new WeakMap<Block, number>();
  let lead: number | null = null;
  let bullet = blocks.length > 0 && dashBullet(blocks[0]!.text);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const nextBullet = i + 1 < blocks.length && dashBullet(blocks[i + 1]!.text);
    if (bullet) { if (lead !== null) out.set(b, lead); }
    else {
      // only the bullets right after a paragraph read its deadline: the years of the others are left for when a value needs them
      lead = null;
      if (nextBullet) for (const y of blockYears(b, b.text).mentions) if (y.deadline) lead = y.year;
    }
    bullet = nextBullet;
  }
  return out;
}
