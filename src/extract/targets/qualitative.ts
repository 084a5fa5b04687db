import type { Doc, Sentence } from "../../structure/types.js";
import type { Draft } from "../record.js";
import { makeDraft } from "./draft.js";
import { directionOnly, reviewSentence, pastMarker } from "./exclusions.js";
import { stripLead, trimEnds } from "./indicator.js";
import { BASIS, GOAL_VERBS, QUALITATIVE, QUALITATIVE_LEAD_INS, QUALITATIVE_PLACE_WORDS, includesAny, type QualitativePattern } from "./phrases.js";
import { sentenceClauses, type Clause } from "../../structure/clauses.js";
import { blockYears, deadlineWithin, dueYear, yearMentions, type Timing } from "./year.js";
import { charClass, trimEndOf, WHITESPACE } from "../../shared/char-class.js";
import { alt, endsWithAny } from "../../shared/lexicon.js";
import { eachHoldingPlace, placesAhead } from "../../shared/ahead.js";

/** closing quotes and spaces at a clause's end */
const CLOSING = charClass(`${WHITESPACE}”"’』」`);

/**
 * Qualitative targets: a checkable end state with no number (全覆盖, 动态清零,
 * 不发生…, Ⅱ类水质, 稳居全国上游, 达到国家要求, 与GDP增长同步, 2030年前碳达峰).
 * The value phrase must close its clause (a rank used as an attribute,
 * 全国领先的…基地, is a slogan); `value` is null and `value_text` the phrase.
 * Parallel indicators sharing the phrase give one record each
 * (奶产量和乳制品产量稳定在全国首位 → two).
 */

export function qualitativeTargets(doc: Doc, timing: Timing): Draft<"targets">[] {
  const text = doc.source.text;
  const out: Draft<"targets">[] = [];
  // where the next word of any pattern is: the sentences and clauses ending before it match no pattern, and are passed without reading them
  // (with a pattern of no known word, every position is such a place)
  const next = UNWORDED.length ? (pos: number) => pos : placesAhead(text, doc.start, doc.end, [nextWord]);
  eachHoldingPlace(doc.sentences, next, (s) => {
    const b = s.block;
    if (b.cells && b.cells.length > 1) return;
    if (b.review || reviewSentence(s.text)) return;
    // the clauses in order, as the sentences: one search answers for the run of clauses up to the next place
    eachHoldingPlace(sentenceClauses(text, s), next, (c) => clauseTargets(out, doc, timing, s, c));
  });
  return out;
}

/** every pattern's words (scripts/gen-required-words.mjs), each once */
const WORDS = [...new Set(QUALITATIVE.flatMap((p) => p.words ?? []))];
/** patterns with no word known: tried on every clause */
const UNWORDED = QUALITATIVE.flatMap((p, k) => (p.words ? [] : [k]));
/**
 * The words, longest first, as one search: at each place it finds the longest word written there, and the
 * other words there are the ones that word begins with. Searched in a whole document (nextWord: the start of
 * a match is the earliest start of any word there) and in a clause (firstPattern); each sets lastIndex first.
 */
const WORD_AT = new RegExp(WORDS.length ? alt(WORDS) : "(?!)", "g");
/**
 * What the document is searched for: a clause holding a word holds one of its place words (placeWords, or
 * the word itself when none is inside it), so the clauses holding none are passed unread as before. The
 * pieces open with rarer characters than the words (领先, not 国内领先): the search over every document
 * cost a third of the words' (cold seeds: 14.9 M instructions of the pass's 100 M).
 */
export const PLACE_WORDS: readonly string[] = placeWordsOf(WORDS, QUALITATIVE_PLACE_WORDS);
const PLACE_AT = new RegExp(PLACE_WORDS.length ? alt(PLACE_WORDS) : "(?!)", "g");
function nextWord(body: string, from: number): number {
  PLACE_AT.lastIndex = from;
  return PLACE_AT.exec(body)?.index ?? -1;
}
/** each word's place words found inside it, or the word itself: every word holds one */
export function placeWordsOf(words: readonly string[], pieces: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    const inside = pieces.filter((p) => p && w.includes(p));
    if (!inside.length) out.add(w);
    for (const p of inside) out.add(p);
  }
  return [...out];
}
/**
 * For each word, the patterns (indices in table order) a clause holding it may match: those that need it or a
 * word it begins with (全国 of 全国首位), and those with no word known. Made for a word when a clause first
 * holds it, and kept (firstPattern compares the lists by identity): made for every word at load, it was a
 * loop over every pattern's words for each of them, about 6 M instructions of every start, for the few words
 * a build meets.
 */
const CANDIDATES = new Map<string, readonly number[]>();
function candidatesOf(w: string): readonly number[] {
  let c = CANDIDATES.get(w);
  if (c === undefined) CANDIDATES.set(w, (c = QUALITATIVE.flatMap((p, k) => (!p.words || p.words.some((u) => w.startsWith(u)) ? [k] : []))));
  return c;
}

/**
 * The first qualitative pattern (in table order) matching the clause. A pattern is
 * tried only on a clause holding one of its words: the words of the clause are found
 * by one search (most visited clauses hold one or two), and only their patterns are
 * tried, not a test of every pattern's words per clause.
 */
export function firstPattern(clause: string): { p: QualitativePattern; m: RegExpExecArray } | null {
  // the patterns of the first word found; those of other words are merged in only when they differ (in table order)
  let tried: readonly number[] | null = null, merged: number[] | null = null;
  WORD_AT.lastIndex = 0;
  for (let w = WORD_AT.exec(clause); w; w = WORD_AT.exec(clause)) {
    const c = candidatesOf(w[0]);
    if (tried === null) tried = c;
    else if (c !== tried) { merged ??= tried.slice(); for (const k of c) if (!merged.includes(k)) merged.push(k); }
    // the next place may start inside this word (全国首位 then 首位)
    WORD_AT.lastIndex = w.index + 1;
  }
  if (merged) tried = merged.sort((a, b) => a - b);
  for (const k of tried ?? UNWORDED) {
    const p = QUALITATIVE[k]!;
    const m = p.re.exec(clause);
    if (m) return { p, m };
  }
  return null;
}

/** The drafts of one clause, pushed to `out` (no array per clause; no spread: a clause may name many indicators). */
function clauseTargets(out: Draft<"targets">[], doc: Doc, timing: Timing, s: Sentence, c: Clause): void {
  // a value phrase may close a quotation (实现盟市与北京合作“全覆盖”): the closing quote is no part of it
  const clause = trimEndOf(c.text, CLOSING);
  const found = firstPattern(clause);
  if (!found || pastMarker(clause) || directionOnly(clause)) return;
  {
    const { p, m } = found;
    const v = m.groups?.v ?? m[0];
    const vStart = m.index + m[0].indexOf(v);
    const b = s.block;
    const pos = c.start - b.start + vStart;
    const verdict = dueYear(blockYears(b, b.text), s.start - b.start, pos, timing, c.start - b.start);
    let year = verdict.year;
    // a milestone names its own year (2030年前碳达峰)
    const own = yearMentions(v).find((y) => y.deadline);
    if (own) year = own.year;
    if (year === null) return;
    // a milestone verb needs the deadline in its own sentence (到“十五五”末，…初步形成)
    if (p.needsYear && !own && !deadlineWithin(blockYears(b, b.text), s.start - b.start, pos)) return;
    let indicatorText = p.indicatorAfter ? (m.groups?.i ?? "") : clause.slice(0, m.index);
    if (!p.indicatorAfter && m.groups?.i) indicatorText = m.groups.i;
    // words before a 、 that hold a number are an earlier, quantified item (算力规模突破20万P、智算规模保持全国第1位)
    const lastSep = indicatorText.lastIndexOf("、");
    if (lastSep > 0 && /\d/.test(indicatorText.slice(0, lastSep))) indicatorText = indicatorText.slice(lastSep + 1);
    if (!p.indicatorAfter && !m.groups?.i && !indicatorText && p.kind === "milestone") indicatorText = v;
    let cleaned = cleanIndicator(indicatorText);
    if (!/[\u4e00-\u9fff]{2}/.test(cleaned) || /^(?:\d{4}|[〇零一二三四五六七八九]{4})年/.test(cleaned)) cleaned = m.groups?.i ?? v;
    const indicators = splitParallel(cleaned);
    if (!indicators.length) return;
    const valueText = p.trim ? v.replace(p.trim, "") : v;
    // a reduction over a multi-year plan (能耗降低达到国家要求) is a period total, as 较2020年下降X% is
    const multiYear = timing.period?.includes("-") ?? false;
    const basis = includesAny(clause, BASIS.averageAnnual) ? "average_annual"
      : multiYear && includesAny(clause.slice(0, m.index), BASIS.reductionWords) ? "cumulative" : "level";
    for (const indicator of indicators) out.push({ ...makeDraft(doc, timing, {
      indicator, value: null, value_high: null, unit: null, comparator: p.comparator,
      target_year: year, value_text: valueText, basis,
    }, c.start + vStart, { start: s.start, end: s.end }), rule: `targets/qualitative: the ${p.kind} pattern /${p.re.source.slice(0, 60)}/ (target-phrases.json qualitative)` });
  }
}

/** words of holding a level left before a value phrase (稳定保持全国首位); one list for every call: endsWithAny indexes a list once per array */
const HOLDING_WORDS = ["稳定保持", "保持", "稳定", "长期"];

function cleanIndicator(t: string): string {
  let x = stripLead(t, QUALITATIVE_LEAD_INS);
  for (let guard = 0; guard < 3; guard++) {
    const v = endsWithAny(x, GOAL_VERBS) ?? endsWithAny(x, HOLDING_WORDS);
    if (!v || v.length >= x.length) break;
    x = trimEnds(x.slice(0, x.length - v.length));
  }
  return stripLead(x, QUALITATIVE_LEAD_INS);
}

/**
 * Parallel indicators sharing one value phrase: a 、 list distributes the
 * first item's prefix over the short items that follow (重卡车辆规模、运量、
 * 运输里程 → 重卡车辆规模, 重卡运量, 重卡运输里程); 和 joins two indicators
 * only when both end in the same noun (奶产量和乳制品产量).
 */
export function splitParallel(t: string): string[] {
  if (t.length < 2) return [];
  if (t.includes("等")) return [t];
  const items = splitTopLevel(t);
  if (items.length > 1 && items.every((x) => x.length >= 1)) {
    const first = items[0]!;
    const rest = items.slice(1);
    const k = rest.reduce((m, x) => Math.max(m, x.length), 0);
    if (first.length > k + 1) {
      const prefix = first.slice(0, first.length - k);
      return [first, ...rest.map((x) => prefix + x)];
    }
    return items;
  }
  const and = /^(.{2,20})和(.{2,20})$/.exec(t);
  if (and && and[1]!.slice(-2) === and[2]!.slice(-2)) {
    // a modifier written once before both (绿色生产方式和生活方式) is carried to the shorter second item
    const [a, b] = [and[1]!, and[2]!];
    const extra = a.length - b.length;
    return [a, extra > 0 && extra <= 4 && !a.slice(0, extra).includes("的") ? a.slice(0, extra) + b : b];
  }
  return [t];
}

/** Split at 、 outside brackets: 旗县（市、区） is one item. */
function splitTopLevel(t: string): string[] {
  const out: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === "（" || c === "(") depth++;
    else if ((c === "）" || c === ")") && depth > 0) depth--;
    else if (c === "、" && depth === 0) { out.push(t.slice(from, i)); from = i + 1; }
  }
  out.push(t.slice(from));
  return out;
}
