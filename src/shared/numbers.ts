import units from "../data/units.json" with { type: "json" };
import { decFromInt, decFromString, decToNumber, mulPow10, type Dec } from "./decimal.js";
import { charClass, codeAt, nextOf } from "./char-class.js";
import { byLength, escapeRegExp } from "./lexicon.js";

/**
 * The Chinese number grammar shared by every extractor: Arabic numbers (with
 * thousands separators and decimals; full-width digits are folded at ingest),
 * Chinese numerals (二〇三五, 十五, 两, 一万二千), scale words written in the
 * unit (16.4亿元, 千万亩 = 1000 万亩), ranges (2—3家, 2至3个, 6%—10%),
 * percentages and 百分点. All arithmetic is exact (see decimal.ts).
 *
 * Every pattern here is linear: the number scan never needs to backtrack into
 * a digit run, and everything after a number is read with bounded lookups.
 */

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNITS: Record<string, number> = { 十: 1, 百: 2, 千: 3 };
const CN_BIG_UNITS: Record<string, number> = { 万: 4, 亿: 8 };

/** Chinese numeral → exact integer: 十五 → 15, 二〇三五 → 2035, 一万二千 → 12000, 两 → 2. */
export function parseChineseNumeral(s: string): Dec | null {
  if (!s) return null;
  // digit-by-digit years and codes: 二〇三五
  if (/^[零〇一二三四五六七八九]{2,}$/.test(s) && !/[十百千万亿]/.test(s)) {
    return decFromString([...s].map((c) => CN_DIGITS[c]).join(""));
  }
  let total = 0n, section = 0n, digit = -1n;
  for (const c of s) {
    if (c in CN_DIGITS) { digit = BigInt(CN_DIGITS[c]!); continue; }
    if (c in CN_SMALL_UNITS) {
      section += (digit < 0n ? 1n : digit) * 10n ** BigInt(CN_SMALL_UNITS[c]!);
      digit = -1n;
      continue;
    }
    if (c in CN_BIG_UNITS) {
      const unit = 10n ** BigInt(CN_BIG_UNITS[c]!);
      section += digit < 0n ? 0n : digit;
      if (section === 0n) section = 1n;
      total = (total + section) * unit;
      section = 0n;
      digit = -1n;
      continue;
    }
    return null;
  }
  return decFromInt(total + section + (digit < 0n ? 0n : digit));
}

/**
 * A short run of Chinese digits read one by one (二〇三五 → 2035) as a number: the value
 * parseChineseNumeral gives such a run, for a caller that has matched only digits (a year)
 * and needs no exact decimal. Each year mention of every block is read this way.
 */
export function chineseDigitsValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) v = v * 10 + CN_DIGITS[s.charAt(i)]!;
  return v;
}

export interface Quantity {
  /** offsets in the scanned text: the whole quantity, number(s) and unit */
  start: number;
  end: number;
  /** number as written (lower end of a range), exact */
  value: Dec;
  /** upper end of a range, exact */
  high: Dec | null;
  /** unit as written, including a scale word and a per-suffix: `亿元`, `万亩`, `%`, `亿吨/年`; null when none */
  unit: string | null;
  /** normalised base unit (`yuan`, `mu`, `kW`, `%`, `pp` …) and the power of ten the written unit carries */
  unitNormalized: string | null;
  exponent: number;
  /** the raw text of the quantity */
  raw: string;
}

/**
 * A number token, as `/\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+/` would match
 * it, read by code unit: the scan meets a numeral character in most words
 * (进一步, 统一), and a regular expression made a match array and a string for
 * each of them (findQuantities was the dearest function of the targets and
 * subsidies extractors).
 */
const CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿";
const CN_NUMERAL = charClass(CN_NUMERALS);
const NUMBER_START = charClass(`0123456789${CN_NUMERALS}`);
const isDigit = (c: number) => c >= 48 && c <= 57;
const COMMA = 44, DOT = 46;
/**
 * End of the number token starting at `p` (the character there starts one), greedy as the regular expression.
 * Every read is inside the text (`i < n`): a charCodeAt past the end (a text ending in a number) gives NaN
 * in the interpreter but deoptimizes the compiled function ("out of bounds"), which then runs interpreted
 * until it is compiled again. This and the reads after a number below (codeAt) keep to the text.
 */
function numberEnd(text: string, p: number): number {
  const n = text.length;
  let i = p + 1;
  if (!isDigit(text.charCodeAt(p))) {
    while (i < n && CN_NUMERAL.has(text.charCodeAt(i))) i++;
    return i;
  }
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  while (i + 3 < n && text.charCodeAt(i) === COMMA && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) i += 4;
  if (i + 1 < n && text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}
const MAX_TOKEN = 24;
/** longest first: ——, before — */
const RANGE_SEPARATORS = byLength(["——", "—", "–", "-", "~", "～", "至", "到"]);
/** their first characters: after most numbers none is written, and one lookup says so */
const RANGE_FIRST = charClass(RANGE_SEPARATORS.map((s) => s[0]!).join(""));
/** Length of the range separator written at `p`, or 0. */
function rangeSepAt(text: string, p: number): number {
  if (!RANGE_FIRST.has(codeAt(text, p))) return 0;
  for (let k = 0; k < RANGE_SEPARATORS.length; k++) if (text.startsWith(RANGE_SEPARATORS[k]!, p)) return RANGE_SEPARATORS[k]!.length;
  return 0;
}
const PERCENT = 37;
const MULTIPLIERS = Object.entries(units.multipliers).sort((a, b) => b[0].length - a[0].length);
const UNIT_NAMES = byLength(Object.keys(units.units));
const UNIT_TABLE = units.units as unknown as Record<string, [string, number]>;

const BLOCKERS = units.blockers as Record<string, string>;

/** Entries by the code unit they start with, in the given order: a position is tested against its few candidates only. */
function byFirstUnit<T>(list: readonly T[], word: (x: T) => string): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of list) {
    const k = word(x).charCodeAt(0);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}
/** The unit names by their first character, longest first: a number is followed by at most a few candidates. */
const UNITS_BY_FIRST = byFirstUnit(UNIT_NAMES, (u) => u);
const MULTIPLIERS_BY_FIRST = byFirstUnit(MULTIPLIERS, ([m]) => m);
const PER_SUFFIXES_BY_FIRST = byFirstUnit(units.perSuffixes, (s) => s);

/**
 * What can follow a Chinese numeral that is a number: a % sign, a range
 * separator, a scale word or a unit. Most runs of numeral characters are words
 * (统一, 进一步, 一体化), and the character after them tells so at once.
 */
const AFTER_CHINESE = ["%", ...RANGE_SEPARATORS, ...MULTIPLIERS.map(([m]) => m), ...UNIT_NAMES].map((w) => w[0]!).join("");
const AFTER_CHINESE_NUMBER = charClass(AFTER_CHINESE);

/** `chars` as the members of a regular expression character class, each escaped by its code unit */
const classOf = (chars: string) => Array.from({ length: chars.length }, (_, i) => `\\u${chars.charCodeAt(i).toString(16).padStart(4, "0")}`).join("");
/**
 * Where a quantity can start: an Arabic digit, or a Chinese numeral followed by another numeral
 * or by a character that can follow a number (AFTER_CHINESE_NUMBER). findQuantities finds none in a
 * text holding no such place, and most clauses hold none (进一步, 统一 are followed by neither).
 * Two searches, not one alternation: the engine skips ahead on a set of first characters far faster
 * than it tries both alternatives at every position (the one pattern made the search twice as dear).
 * Each is one character with at most a one-character lookahead: linear on any text.
 */
const DIGIT_AHEAD = /[0-9]/g;
/** NUMBER_START as a search (global: from a lastIndex; every match is one character) */
const NUMBER_START_AHEAD = new RegExp(`[${classOf(`0123456789${CN_NUMERALS}`)}]`, "g");
const CHINESE_NUMBER_AHEAD = new RegExp(`[${classOf(CN_NUMERALS)}](?=[${classOf(CN_NUMERALS + AFTER_CHINESE)}])`, "g");
/**
 * What a number's last character is followed by in a quantity with a unit: its %, its range's separator,
 * its scale word or its unit (AFTER_CHINESE), as the members of a regular expression class. A caller
 * keeping only quantities with a unit finds their places with it (targets/prose.ts).
 */
export const AFTER_NUMBER_CLASS = classOf(AFTER_CHINESE);
/** the range separators as a regular expression alternation, longest first (——, before —) */
export const RANGE_SEPARATOR_ALT = RANGE_SEPARATORS.map(escapeRegExp).join("|");
/**
 * The searches for places where a quantity can start, each giving the first place of its kind at or
 * after `from`, or -1: a span holds a quantity only where one of them finds a place. Kept apart so a
 * caller asking about many spans in order remembers each answer (targets/ahead.ts placesAhead).
 */
export const QUANTITY_PLACES: ReadonlyArray<(text: string, from: number) => number> = [
  (text, from) => nextOf(DIGIT_AHEAD, text, from),
  (text, from) => nextOf(CHINESE_NUMBER_AHEAD, text, from),
];

/** a character of a scale (十百千万亿), in a Chinese numeral or in a unit (千万亩 → 千 and 万亩); global, every match one character */
const SCALE_AHEAD = /[\u5341\u767e\u5343\u4e07\u4ebf]/g;
/**
 * The next scale character at or after `from` in a run of numeral characters that is followed by what
 * can follow a number (AFTER_CHINESE_NUMBER), or -1. Only such a one can lie in a quantity: a Chinese
 * numeral is a quantity only when its run is followed by one (findQuantities), a range's upper end only
 * when a unit follows it, and the scale characters of the unit names and per-suffixes (个百分点, /千瓦时)
 * sit in runs that their names continue with one (test/shared/numbers.test.ts reads units.json). The 十
 * of “十四五”, 十三届 or 第十章 is no such place: a clause holding only those is passed unread.
 * Each run is walked once, and the search goes on after it: linear on any text.
 */
function nextScalePlace(text: string, from: number): number {
  for (let at = nextOf(SCALE_AHEAD, text, from); at >= 0; ) {
    let end = at + 1;
    while (end < text.length && CN_NUMERAL.has(text.charCodeAt(end))) end++;
    if (AFTER_CHINESE_NUMBER.has(codeAt(text, end))) return at;
    at = nextOf(SCALE_AHEAD, text, end);
  }
  return -1;
}
/**
 * The searches for places a quantity can lie that starts with a digit or holds a scale character
 * (十百千万亿) in its raw text: the digit it starts with, or that character (nextScalePlace). A caller
 * that keeps only such quantities (targets/prose.ts: a Chinese numeral without a scale, 一个, 两项,
 * names a set) passes the clauses holding only runs such as 一批, 统一, 十四五 without reading them.
 */
export const SCALED_QUANTITY_PLACES: ReadonlyArray<(text: string, from: number) => number> = [
  QUANTITY_PLACES[0]!,
  nextScalePlace,
];

/** The first place at or after `from` where a quantity can start (see QUANTITY_PLACES), or -1. */
export function nextQuantityStart(text: string, from: number): number {
  const d = nextOf(DIGIT_AHEAD, text, from), c = nextOf(CHINESE_NUMBER_AHEAD, text, from);
  return d < 0 ? c : c < 0 ? d : Math.min(d, c);
}

/*
 * baseUnitAt and unitAt run after every number token: their lists are read with indexed loops (a for-of
 * over `list ?? []` made an iterator, an empty array and a destructured pair per token, and most of a
 * build runs them interpreted), and the character after a unit is read only for a unit that has blockers.
 */
function baseUnitAt(text: string, pos: number): string | null {
  const candidates = UNITS_BY_FIRST.get(codeAt(text, pos));
  if (!candidates) return null;
  for (let k = 0; k < candidates.length; k++) {
    const u = candidates[k]!;
    if (!text.startsWith(u, pos)) continue;
    // 4.0方案 is a plan, not 4 cubic metres: the unit must not start a longer word
    const blockers = BLOCKERS[u];
    if (blockers && pos + u.length < text.length && blockers.includes(text.charAt(pos + u.length))) continue;
    return u;
  }
  return null;
}

/** Unit written at `pos`: [scale word] base unit [per-suffix], or a bare scale word. */
export function unitAt(text: string, pos: number): { unit: string; normalized: string | null; exponent: number } | null {
  let exp = 0, p = pos, written = "";
  const base0 = baseUnitAt(text, p);
  if (!base0) {
    const scales = MULTIPLIERS_BY_FIRST.get(codeAt(text, p));
    if (scales) for (let k = 0; k < scales.length; k++) {
      const scale = scales[k]!;
      if (text.startsWith(scale[0], p)) { exp = scale[1]; p += scale[0].length; written = scale[0]; break; }
    }
  }
  const base = base0 ?? baseUnitAt(text, p);
  if (!base && !written) return null;
  let normalized: string | null = null;
  if (base) {
    const entry = UNIT_TABLE[base]!;
    normalized = entry[0];
    exp += entry[1];
    written += base;
    p += base.length;
    const suffixes = PER_SUFFIXES_BY_FIRST.get(codeAt(text, p));
    if (suffixes) for (let k = 0; k < suffixes.length; k++) {
      const x = suffixes[k]!;
      if (text.startsWith(x, p)) { written += x; normalized += x; break; }
    }
  }
  return { unit: written, normalized, exponent: exp };
}

function parseNumberToken(tok: string): Dec | null {
  return isDigit(tok.charCodeAt(0)) ? decFromString(tok) : parseChineseNumeral(tok);
}

/** How many characters of a scale word end a Chinese numeral (万亿, 亿, 万), as /(?:万亿|亿|万)$/ finds them. */
function scaleTail(tok: string): number {
  if (tok.endsWith("万亿")) return 2;
  const last = tok.charCodeAt(tok.length - 1);
  return last === 0x4ebf /* 亿 */ || last === 0x4e07 /* 万 */ ? 1 : 0;
}

/**
 * Every quantity in `text`, left to right. Chinese numerals count only when a
 * unit follows (一体化, 统一 are words, not numbers); a trailing 万/亿 of a
 * Chinese numeral before a unit is read as part of the unit (千万亩 → 1000 万亩).
 *
 * The scan is a loop over the places a number starts, and each step a few small
 * functions (quantityAt: the token, chineseQuantity: a Chinese numeral's tests,
 * quantityFrom: value, range and unit), each leaving where the scan resumes in
 * `resume`. V8 optimizes a function once it has run enough of its own bytecode: as
 * one function, the seeds' 1 100 calls (targets) made it the largest optimizing
 * compile of a cold build, with every helper it inlined, though it ran a few
 * thousand steps in all.
 */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (let pos = 0; ;) {
    // the next place a number can start, by a native search: the test per character ran mostly interpreted
    NUMBER_START_AHEAD.lastIndex = pos;
    if (!NUMBER_START_AHEAD.test(text)) break;
    const q = quantityAt(text, NUMBER_START_AHEAD.lastIndex - 1);
    if (q) out.push(q);
    pos = resume;
  }
  return out;
}

/** where findQuantities' scan resumes after the step that set it last */
let resume = 0;

/** The quantity whose number token starts at `start`, or null; sets `resume`. */
function quantityAt(text: string, start: number): Quantity | null {
  const tokenEnd = numberEnd(text, start);
  resume = tokenEnd;
  // no quantity in policy text has more than 20 digits: a longer run is noise, not a number
  if (tokenEnd - start > MAX_TOKEN) return null;
  return isDigit(text.charCodeAt(start)) ? quantityFrom(text, start, tokenEnd, false, undefined) : chineseQuantity(text, start, tokenEnd);
}

/** The quantity a Chinese numeral token [start, tokenEnd) starts, or null (a word: 统一, 进一步); sets `resume`. */
function chineseQuantity(text: string, start: number, tokenEnd: number): Quantity | null {
  // a word, not a number: nothing a number needs comes next
  if (!AFTER_CHINESE_NUMBER.has(codeAt(text, tokenEnd))) return null;
  let end = tokenEnd;
  // a scale word at the end belongs to the unit when a base unit follows (千万亩, 三千万元)
  const tail = scaleTail(text.slice(start, end));
  if (tail && end - start > tail && baseUnitAt(text, end)) end -= tail;
  const first = text.charCodeAt(start);
  if (first === 0x4e07 /* 万 */ || first === 0x4ebf /* 亿 */) return null;
  // most runs of numeral characters are words (统一, 进一步): without a unit, a % or a range after them there is nothing to parse
  if (codeAt(text, end) === PERCENT || rangeSepAt(text, end)) return quantityFrom(text, start, end, true, undefined);
  const u = unitAt(text, end);
  if (!u) { resume = end; return null; }
  return quantityFrom(text, start, end, true, u);
}

/**
 * The quantity of the number [start, end) (a Chinese one already tested by chineseQuantity), with
 * its range and unit, or null; sets `resume` when it finds one, and past a Chinese numeral without a unit.
 * `unitAtEnd`: the unit right after the number when the caller has read it.
 */
function quantityFrom(text: string, start: number, end: number, chinese: boolean, unitAtEnd: ReturnType<typeof unitAt> | undefined): Quantity | null {
  const value = parseNumberToken(text.slice(start, end));
  if (!value) return null;
  // range: 2—3家, 6%—10%, 100—300万元
  const highEnd = rangeEndAfter(text, end, chinese);
  const p = highEnd < 0 ? end : highEnd;
  const u = p === end && unitAtEnd !== undefined ? unitAtEnd : unitAt(text, p);
  if (chinese && !u) { resume = end; return null; }
  return quantityOf(text, start, end, p, value, u);
}

/** The quantity found: its number [start, end), its range's upper number up to `p` when p > end, its unit after; sets `resume`. */
function quantityOf(text: string, start: number, end: number, p: number, value: Dec, u: ReturnType<typeof unitAt>): Quantity {
  const qEnd = u ? p + u.unit.length : p;
  resume = Math.max(qEnd, start + 1);
  return {
    start, end: qEnd, value, high: p > end ? highOf(text, end, p) : null,
    unit: u ? u.unit : null, unitNormalized: u ? u.normalized : null, exponent: u ? u.exponent : 0,
    raw: text.slice(start, qEnd),
  };
}

/** After a number ending at `end` (and its %), the end of a range's upper number, or -1 when no range is written there. */
function rangeEndAfter(text: string, end: number, chinese: boolean): number {
  const afterFirst = codeAt(text, end) === PERCENT ? end + 1 : end;
  const sep = rangeSepAt(text, afterFirst);
  return sep ? rangeHighEnd(text, afterFirst + sep, chinese) : -1;
}

/** The end of a range's upper number at `at` (of the same kind as its lower one: digits or Chinese), or -1 when none is written there. */
function rangeHighEnd(text: string, at: number, chinese: boolean): number {
  const c = codeAt(text, at);
  if (!NUMBER_START.has(c) || isDigit(c) === chinese) return -1;
  const highEnd = numberEnd(text, at);
  return parseNumberToken(text.slice(at, highEnd)) ? highEnd : -1;
}

/** The value of the range's upper number, which rangeEndAfter found to end at `highEnd` after the number ending at `end`. */
function highOf(text: string, end: number, highEnd: number): Dec {
  const afterFirst = text.charCodeAt(end) === PERCENT ? end + 1 : end;
  return parseNumberToken(text.slice(afterFirst + rangeSepAt(text, afterFirst), highEnd))!;
}

/** Value of a quantity in its normalised unit (16.4亿元 → 1640000000 yuan), exact. */
export function normalizedValue(q: Pick<Quantity, "value" | "exponent">, which: Dec = q.value): number {
  return decToNumber(mulPow10(which, q.exponent));
}

/** Amount in yuan of a money quantity (30万元 → 300000), or null when the unit is not 元. */
export function yuanOf(q: Quantity, which: Dec = q.value): number | null {
  return q.unitNormalized === "yuan" ? normalizedValue(q, which) : null;
}

export { decToNumber, type Dec };
