import { AFTER_NUMBER_CLASS, RANGE_SEPARATOR_ALT, decToNumber, findQuantities, normalizedValue, SCALED_QUANTITY_PLACES, type Quantity } from "../../shared/numbers.js";
import type { Doc, Sentence } from "../../structure/types.js";
import type { Draft, DropSink } from "../record.js";
import { eachHoldingPlace, placesAhead } from "../../shared/ahead.js";
import { basisOf } from "./basis.js";
import { comparatorOf, suffixAt, type Suffix } from "./comparator.js";
import { makeDraft } from "./draft.js";
import { directionOnly, inConditionClause, reviewSentence, isAllocation, isClassValue, isNamePart, isThreshold, pastMarker, progressClause, restatesList } from "./exclusions.js";
import { OPENING_VERB, cleanBefore, indicatorOf, stripLead } from "./indicator.js";
import { BASIS, NOT_TARGETS, TASK_OPENERS, includesAny, type Comparator } from "./phrases.js";
import { endsWithAny, startsWithAny } from "../../shared/lexicon.js";
import { blockYears, bulletDeadlines, dueYear, yearMentions, type BlockYears, type Timing } from "./year.js";
import { markerLength, PAREN_KINDS } from "../../shared/markers.js";
import { sentenceClauses, type Clause } from "../../structure/clauses.js";
import { charClass, nextOf } from "../../shared/char-class.js";

/**
 * Quantified targets in prose: every value with a unit in a clause of a
 * sentence that is due in the plan's horizon or a stated year, one record per
 * value (肉奶产量稳定在60亿斤、160亿斤以上 → two).
 */

// units that measure time: a duration is a target only as a service circle or a latency class
const TIME = new Set(["year", "month", "day", "hour", "minute", "second", "ms"]);
// counted things: a Chinese numeral before them names a set (两个屏障, 三大战役), not a goal
const COUNTERS = new Set(["家", "个", "项", "所", "座", "条", "辆", "台", "套", "张", "床", "处", "批", "类", "件", "只", "头", "匹", "person", "person-time", "household", "times", "year_of_age", "pp"]);

/** a unit without its per-suffix (t/年 → t), as split("/")[0] gives it without an array */
function perBase(unit: string): string {
  const slash = unit.indexOf("/");
  return slash < 0 ? unit : unit.slice(0, slash);
}

/** the goal verbs a bare coefficient is kept after (有效利用系数达到0.612) */
const COEFFICIENT_VERBS = "(?:达到|提高到|提升到|稳定在|保持在)";
const COEFFICIENT_BEFORE = new RegExp(`${COEFFICIENT_VERBS}$`);

export function usable(q: Quantity, clause: string): boolean {
  if (q.raw.length > 40) return false;
  const first = q.raw.charCodeAt(0);
  const chinese = !(first >= 48 && first <= 57);
  // a Chinese numeral is a quantity only with a scale word (千万亩), not 一方案, 两个屏障 (proseTargets passes the clauses without one: keep USABLE_PLACES in step)
  if (chinese && (!q.unitNormalized || COUNTERS.has(q.unitNormalized) || TIME.has(q.unitNormalized) || !/[十百千万亿]/.test(q.raw))) return false;
  if (q.unitNormalized && TIME.has(perBase(q.unitNormalized))) {
    const rest = clause.slice(q.end, q.end + 12);
    return q.unitNormalized !== "year" && /圈|级|以内/.test(rest.slice(0, 12));
  }
  if (!q.unit) {
    // a bare number is a target only as a coefficient reached by a goal verb (有效利用系数达到0.612)
    const v = decToNumber(q.value);
    return v < 1 && COEFFICIENT_BEFORE.test(clause.slice(Math.max(0, q.start - 4), q.start));
  }
  // a bare scale word (10万) counts nothing nameable
  return q.unitNormalized !== null;
}

/**
 * Where a value usable keeps can lie, as searches for placesAhead: a quantity starting with a digit is kept
 * only with a unit (its number's last digit is then followed by a %, a range separator, a scale word or a
 * unit: AFTER_NUMBER_CLASS), or as a bare coefficient below 1 right after a goal verb (达到0.612: a goal verb before a 0);
 * one starting with a Chinese numeral only with a scale character (SCALED_QUANTITY_PLACES' second search).
 * A digit followed by 年 alone ends a year, never kept (usable: a time unit), and so does one before a range
 * of years (2021—2025年). A sentence holding only list markers (11.), codes (G627), dates and years holds no
 * place and is passed unread. Each search is one character with bounded lookaheads (the digits after a
 * range separator are read once, for the one digit before it): linear on any text.
 */
const MEASURED_DIGIT = new RegExp(`[0-9](?=[${AFTER_NUMBER_CLASS}])(?!年(?!/)|(?:${RANGE_SEPARATOR_ALT})[0-9]+年(?!/))`, "g");
// the verb, then a 0 (the place is the verb's last character, in the clause with the value): a lookbehind made the
// engine try the verbs backwards at every position, a search dearer than all the others
const COEFFICIENT_AHEAD = new RegExp(`${COEFFICIENT_VERBS}(?=0)`, "g");
export const USABLE_PLACES: ReadonlyArray<(text: string, from: number) => number> = [
  (text, from) => nextOf(MEASURED_DIGIT, text, from),
  (text, from) => nextOf(COEFFICIENT_AHEAD, text, from),
  SCALED_QUANTITY_PLACES[1]!,
];

/**
 * An indicator that is only a task word (规划完成生态建设任务) is the task of the
 * item heading it sits under: （一）黄河“几字弯”攻坚战 → 黄河“几字弯”攻坚战生态建设任务.
 */
function namedAfterHeading(indicator: string, section: readonly string[], box: string | undefined): string {
  if (!box || indicator.length > 12 || !endsWithAny(indicator, NOT_TARGETS.genericIndicatorHeads)) return indicator;
  if (!/^(?:规划)?(?:完成|实现)/.test(indicator)) return indicator;
  const label = section[section.length - 1] ?? "";
  const n = markerLength(label, PAREN_KINDS);
  const title = n && label.length - n >= 2 && label.length - n <= 30 ? label.slice(n) : null;
  if (!title) return indicator;
  return title + indicator.replace(/^(?:规划)?(?:完成|实现)/, "");
}

/**
 * The words before a list of N values that enumerate N subjects
 * (至京津冀、长三角、粤港澳等国家枢纽的5ms/15ms/20ms级): the k-th value keeps the
 * k-th subject only. Otherwise all values share the words.
 */
export function distribute(rawBefore: string, n: number, k: number): string {
  const before = stripLead(rawBefore, []);
  const m = /((?:[\u4e00-\u9fff]{1,12}、){1,20}[\u4e00-\u7b48\u7b4a-\u9fff]{1,12})等?/.exec(before); // 等 (U+7B49) closes the list
  if (!m) return before;
  const items = m[1]!.split("、");
  if (items.length !== n) return before;
  // the first item may carry the words before the list up to a preposition (构建至|京津冀)
  const prep = /^(.{1,8}?(?:至|到|向|对|在|与))(.+)$/.exec(items[0]!);
  const lead = prep ? prep[1]! : "";
  if (prep) items[0] = prep[2]!;
  return before.slice(0, m.index) + lead + items[k] + before.slice(m.index + m[0].length);
}

/**
 * Rates of several indicators written as one list (基本养老、医疗保险参保率稳定在
 * 95%以上): one indicator per item, the short items taking the last item's
 * head (基本养老参保率, 医疗保险参保率). An item that already names the head
 * (全民参保) is a separate task, not part of the list. A list closed by 等 is one indicator.
 */
export function sharedRateIndicators(indicator: string): string[] {
  if (indicator.includes("等")) return [indicator];
  const items = indicator.split("、");
  if (items.length < 2) return [indicator];
  const last = items[items.length - 1]!;
  if (!/(?:率|比重|占比|比例)$/.test(last)) return [indicator];
  const k = items[items.length - 2]!.length;
  if (last.length <= k) return [indicator];
  const head = last.slice(k);
  const out = items.slice(0, -1).filter((x) => !x.includes(head.slice(0, 2))).map((x) => x + head);
  return out.length ? [...out, last] : [indicator];
}

/**
 * 分别 with N values refers to N subjects named in the clause before
 * (实施A计划与B计划，每年分别招募3000名、5000名左右): the k-th value is the
 * k-th subject's. Without such a list the values share the words.
 */
export function respectively(earlier: string, before: string, n: number, k: number): string {
  const prev = earlier.replace(/[，,：:]$/, "").split(/[，,：:；]/).pop() ?? "";
  const items = prev.split(/、|与|和|及/);
  if (items.length !== n || items.some((x) => x.length < 2)) return distribute(before, n, k);
  const verb = OPENING_VERB.exec(items[0]!)?.[0] ?? "";
  if (verb && verb.length < items[0]!.length) items[0] = items[0]!.slice(verb.length);
  return items[k] + before.replace(/分别/g, "");
}

export function proseTargets(doc: Doc, timing: Timing, dropped?: DropSink): Draft<"targets">[] {
  const text = doc.source.text;
  const out: Draft<"targets">[] = [];
  const inherited = bulletDeadlines(doc.blocks);
  // where the next quantity usable keeps can lie: the sentences and clauses ending before it hold none, and are passed without reading them
  const next = placesAhead(text, doc.start, doc.end, USABLE_PLACES);
  eachHoldingPlace(doc.sentences, next, (s) => {
    const b = s.block;
    if (b.cells && b.cells.length > 1) return;
    // a heading (专栏12种业振兴, （三）…) names a topic, it sets no value
    if (b.heading && !/[。；]/.test(b.text)) return;
    if (b.review || reviewSentence(s.text)) return;
    // 年均 anywhere in the sentence makes its values yearly averages: read at most once per sentence, not
    // once per clause (a sentence of 40 000 clauses was read 40 000 times), and only when a value needs it
    let average: boolean | null = null;
    const sentenceAverage = () => (average ??= includesAny(s.text, BASIS.averageAnnual) !== null);
    const leadYear = inherited.get(b) ?? null;
    // the clauses in order, as the sentences: one search answers for the run of clauses up to the next place
    const clauses = sentenceClauses(text, s);
    eachHoldingPlace(clauses, next, (c, k) => clauseTargets(out, doc, timing, s, c, k > 0 ? clauses[k - 1]! : null, leadYear, sentenceAverage, dropped));
  });
  return out;
}

/** a change written with no subject of its own: 年均增长, 提高 */
const BARE_CHANGE = /^(?:年均|平均|每年|同比)?(?:增长|增加|提高|提升|下降|降低|减少)$/;

/**
 * The subject of the clause before, for a change that names none
 * ("全省生产总值达到4700亿元，年均增长8.5%" → 全省生产总值年均增长): the
 * words before that clause's first value, without its goal verb and lead-ins.
 */
function subjectOf(prev: Clause | null): string {
  if (!prev) return "";
  const q = findQuantities(prev.text.slice(0, 80))[0];
  if (!q) return "";
  const t = cleanBefore(prev.text.slice(0, q.start)).text;
  return /^[\u4e00-\u9fff“”（）()]{2,20}$/.test(t) && !LEAD_ONLY.test(t) ? t : "";
}
/** words that only say when or where (到2010年, 全省): no subject */
const LEAD_ONLY = /^(?:到|至|力争|争取)|年$/;

/** what joins two values of one list (60亿斤、160亿斤; 5ms/15ms): the whole gap between them is one of these */
const LIST_JOINT = charClass("、/和或");
const joinedAt = (clause: string, end: number, nextStart: number) => nextStart - end === 1 && LIST_JOINT.has(clause.charCodeAt(end));
const QUOTE_OPEN = 0x201c /* “ */, QUOTE_CLOSE = 0x201d /* ” */, LIST_SEPARATOR = 0x3001 /* 、 */;

/** Reports a value dropped by an exclusion, named for the trace (exclusions.ts); only when explaining. */
function drop(dropped: DropSink | undefined, s: Sentence, c: Clause, q: Quantity, afterEnd: number, why: string): void {
  dropped?.(c.start + q.start, c.text.slice(q.start, afterEnd), `targets/prose: ${why}`, { start: s.start, end: s.end });
}

/**
 * The drafts of one clause, pushed to `out` (no array per clause; no spread: a clause may hold 10⁵ values).
 * `leadYear`: the deadline of the goal paragraph a dash bullet sits under (bulletDeadlines)
 */
function clauseTargets(out: Draft<"targets">[], doc: Doc, timing: Timing, s: Sentence, c: Clause, prev: Clause | null, leadYear: number | null, sentenceAverage: () => boolean, dropped?: DropSink): void {
  const clause = c.text;
  // the values first: most clauses hold none, and the phrase tables of a past result or a direction are dearer to read
  const qs: Quantity[] = [];
  for (const q of findQuantities(clause)) if (usable(q, clause)) qs.push(q);
  if (!qs.length || pastMarker(clause) || directionOnly(clause)) return;
  const n = qs.length;
  // each value's suffix comparator (以上, 左右) and where the value with it ends, read once
  const sufs: Array<Suffix | null> = new Array(n);
  const afterEnds: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const q = qs[i]!;
    const suf = suffixAt(clause, q.end);
    sufs[i] = suf;
    afterEnds[i] = q.end + (suf?.phrase.length ?? 0);
  }
  // a comparator written once after a list of values covers the list (3000名、5000名左右)
  const shared: Array<Comparator | null> = new Array(n).fill(null);
  for (let i = n - 2; i >= 0; i--) {
    if (joinedAt(clause, qs[i]!.end, qs[i + 1]!.start)) shared[i] = sufs[i + 1]?.comparator ?? shared[i + 1] ?? null;
  }
  const b = s.block;
  const sentenceStartInBlock = s.start - b.start;
  // the clause compares with a base year (较2020年): read when the first value reaches its basis (most are dropped before)
  let againstBaseYear: boolean | undefined;
  const countsOnlyItems = progressClause(clause);
  // chains of values joined only by a list separator: the first value of each value's chain, and the chain's length
  const chainFirst: number[] = new Array(n), chainLength: number[] = new Array(n);
  for (let i = 0; i < n; i++) chainFirst[i] = i > 0 && joinedAt(clause, qs[i - 1]!.end, qs[i]!.start) ? chainFirst[i - 1]! : i;
  for (let i = n - 1; i >= 0; i--) chainLength[i] = i + 1 < n && chainFirst[i + 1] === chainFirst[i] ? chainLength[i + 1]! : i - chainFirst[i]! + 1;
  // the next 、 and “ at or after a position, kept while the values move on: one search each over the clause
  let sepAt = -1, quoteAt = -1;
  // the subject of the clause before (subjectOf), read when a value first needs it
  let subject: string | undefined;
  // the block's year mentions, looked up when a value first needs them
  let years: BlockYears | undefined;
  for (let i = 0; i < n; i++) {
    const q = qs[i]!;
    const suf = sufs[i];
    const afterEnd = afterEnds[i]!;
    // this value's segment starts where the value before it (and its suffix) ends
    const from = i > 0 ? afterEnds[i - 1]! : 0;
    // (afterEnd < clause.length: charCodeAt past the end deoptimizes clauseTargets, "out of bounds")
    const latencyClass = q.unitNormalized !== null && TIME.has(q.unitNormalized) && afterEnd < clause.length && clause.charCodeAt(afterEnd) === 0x7ea7 /* 级 */;
    // each exclusion named for the trace (exclusions.ts)
    if (isNamePart(clause, q.start, afterEnd) && !latencyClass) { drop(dropped, s, c, q, afterEnd, "part of a name or designation (isNamePart)"); continue; }
    if (isThreshold(clause, q.start, afterEnd)) { drop(dropped, s, c, q, afterEnd, "a threshold sizing a class (isThreshold)"); continue; }
    if (isClassValue(clause, q.unit, afterEnd)) { drop(dropped, s, c, q, afterEnd, "a value naming a class (isClassValue)"); continue; }
    if (inConditionClause(clause, afterEnd)) { drop(dropped, s, c, q, afterEnd, "inside a 对/凡 condition clause (inConditionClause)"); continue; }
    if (isAllocation(clause, afterEnd)) { drop(dropped, s, c, q, afterEnd, "an allocation, not a goal (isAllocation)"); continue; }
    if (countsOnlyItems && q.unit !== "%" && q.unit !== "‰") { drop(dropped, s, c, q, afterEnd, "a count in a progress clause (progressClause)"); continue; }
    if (restatesList(clause, from, q.start, decToNumber(q.value), afterEnd, clause.length)) { drop(dropped, s, c, q, afterEnd, "a count restating the list before it (restatesList)"); continue; }
    let verdict = dueYear(years ??= blockYears(b, b.text), sentenceStartInBlock, c.start - b.start + q.start, timing, c.start - b.start);
    if (verdict.year === null && !verdict.past && leadYear !== null) verdict = { year: leadYear, past: false };
    if (verdict.year === null) { drop(dropped, s, c, q, afterEnd, "no due year for it (dueYear)"); continue; }
    // the words before this value: from the previous value, or from the last list separator after it
    let segStart = from;
    // the last 、 of this value's own segment outside a quotation (“国球进社区、进公园”项目400个): most
    // segments hold no 、 and one remembered search says so; the others are read once, forward, by code unit
    let lastSep = from - 1;
    if (sepAt < from && sepAt !== -2) sepAt = clause.indexOf("、", from), sepAt = sepAt < 0 ? -2 : sepAt;
    if (sepAt >= from && sepAt < q.start) {
      if (quoteAt < from && quoteAt !== -2) quoteAt = clause.indexOf("“", from), quoteAt = quoteAt < 0 ? -2 : quoteAt;
      if (quoteAt < 0 || quoteAt >= q.start) lastSep = clause.lastIndexOf("、", q.start - 1);
      else {
        let quoted = false;
        for (let k = from; k < q.start; k++) {
          const ch = clause.charCodeAt(k);
          if (ch === QUOTE_OPEN) quoted = true;
          else if (ch === QUOTE_CLOSE) quoted = false;
          else if (ch === LIST_SEPARATOR && !quoted) lastSep = k;
        }
      }
    }
    // words before an earlier 、 belong to an earlier item of the list (冻精600万剂、优质种公羊8万只)
    // and so do words before a 、 that opens a new task (拓展…销售途径、力争销售额达到320亿元)
    if (lastSep >= from && (i > 0 || /\d/.test(clause.slice(from, lastSep)) || startsWithAny(clause.slice(lastSep + 1, q.start), TASK_OPENERS))) segStart = lastSep + 1;
    let before = clause.slice(segStart, q.start);
    const nextStart = i + 1 < n ? qs[i + 1]!.start : clause.length;
    let after = clause.slice(afterEnd, Math.min(nextStart, afterEnd + 120));
    // a list of values written together (60亿斤、160亿斤以上; 5ms/15ms/20ms级) shares the words around the list
    const length = chainLength[i]!;
    if (length > 1) {
      const firstIndex = chainFirst[i]!;
      const first = qs[firstIndex]!, lastIndex = firstIndex + length - 1;
      const chainFrom = firstIndex === 0 ? 0 : afterEnds[firstIndex - 1]!;
      // bounded windows: a list may hold many values, each reads the same words around it
      const chainBefore = clause.slice(Math.max(chainFrom, first.start - 120), first.start);
      before = chainBefore.includes("分别")
        ? respectively(doc.source.text.slice(Math.max(s.start, c.start - 200), c.start), chainBefore, length, i - firstIndex)
        : distribute(chainBefore, length, i - firstIndex);
      const lastAfterEnd = afterEnds[lastIndex]!;
      after = clause.slice(lastAfterEnd, Math.min(clause.length, lastAfterEnd + 120));
    }
    const found = indicatorOf(before, after);
    const verb = found.verb;
    const own = namedAfterHeading(found.indicator, b.section, b.box);
    // the clause before is read once for all the bare changes of this clause
    const indicator = BARE_CHANGE.test(own) ? (subject ??= subjectOf(prev)) + own : own;
    if (!indicator || !/[\u4e00-\u9fff]/.test(indicator)) continue;
    const cmp = comparatorOf({ text: clause, clauseStart: segStart, start: q.start, end: q.end, unit: q.unit, sharedSuffix: shared[i], clauseEnd: clause.length });
    const sentenceBefore = doc.source.text.slice(Math.max(s.start, c.start + q.start - 300), c.start + q.start);
    const basis = basisOf({ before, verb, sentenceAverage: sentenceAverage(), sentenceBefore, clauseBefore: clause.slice(Math.max(0, q.start - 60), q.start), unit: q.unit, timing, againstBaseYear: againstBaseYear ??= yearMentions(clause).some((y) => y.baseline) });
    const valueText = (cmp.prefix && cmp.comparator !== "eq" && clause.slice(Math.max(0, q.start - cmp.prefix.length - 1), q.start).includes(cmp.prefix) ? cmp.prefix : "") + q.raw + (suf?.phrase ?? "");
    for (const name of q.unit === "%" ? sharedRateIndicators(indicator) : [indicator]) out.push(makeDraft(doc, timing, {
      indicator: name,
      value: decToNumber(q.value),
      value_high: q.high ? decToNumber(q.high) : null,
      unit: q.unit,
      comparator: cmp.comparator,
      target_year: verdict.year,
      value_text: valueText,
      basis,
      value_normalized: q.unitNormalized ? normalizedValue(q) : null,
      value_high_normalized: q.high && q.unitNormalized ? normalizedValue(q, q.high) : null,
      unit_normalized: q.unitNormalized,
    }, c.start + q.start, { start: s.start, end: s.end }));
  }
}
