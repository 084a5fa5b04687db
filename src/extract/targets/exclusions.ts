import { NOT_TARGETS, PAST, includesAny } from "./phrases.js";
import { endsWithAny, holdsAny, startsWithAny, wordEnds, wordStarts } from "../../shared/lexicon.js";
import { charClass, codeAt, WHITESPACE } from "../../shared/char-class.js";

/**
 * What looks like a target but is not (contract, targets): past results and
 * statistics, thresholds inside a condition, counts restating a list of named
 * projects, values that are part of a name. Each test reads a phrase table.
 */

/*
 * The first or last characters of the phrase lists read for every sentence, clause and value: most
 * fail on the one character they would compare, without a trim, a slice or a test per phrase.
 */
const SPACE = charClass(WHITESPACE);
const OPENER_START = wordStarts(PAST.sentenceOpeners);
const CONDITION_END = wordEnds(NOT_TARGETS.conditionAttributes);
const NAME_WORD_START = wordStarts(NOT_TARGETS.nameWords);
const ALLOCATION_START = wordStarts(NOT_TARGETS.allocationAfter);
const PROGRESS_END = wordEnds(NOT_TARGETS.progressEnds);

/** A sentence opening with a review phrase (过去一年，…): all its clauses are results. */
export function reviewSentence(sentence: string): boolean {
  const first = sentence.charCodeAt(0);
  if (!OPENER_START.has(first) && !SPACE.has(first)) return false;
  return startsWithAny(sentence.trimStart(), PAST.sentenceOpeners) !== null;
}

/** A clause that reports a result or compares with last year (比上年增长, 已建成, 居全国第9位). */
export function pastMarker(clause: string): string | null {
  return includesAny(clause, PAST.markers);
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * A value that sizes a class of places or firms (城区人口10万以上旗县): an
 * attribute noun right before it and a noun (not a clause end) right after it.
 */
export function isThreshold(text: string, start: number, afterEnd: number): boolean {
  if (start === 0 || !CONDITION_END.has(text.charCodeAt(start - 1))) return false;
  const before = text.slice(Math.max(0, start - 6), start);
  if (!endsWithAny(before, NOT_TARGETS.conditionAttributes)) return false;
  return CJK.test(text[afterEnd] ?? "") && text[afterEnd] !== "的";
}

/**
 * A value inside a condition clause that names who a rule applies to
 * (对月销售额2万元至3万元的小规模纳税人，免征…; 凡…500万元以上的企业): the clause opens
 * with 对/凡 and a 的 closes the class after the value.
 */
export function inConditionClause(clause: string, afterEnd: number): boolean {
  // what /^(?:对于?|凡是?)/ tests, by the first code unit: run for every value, most clauses open otherwise
  const first = clause.charCodeAt(0);
  return (first === 0x5bf9 /* 对 */ || first === 0x51e1 /* 凡 */) && clause.includes("的", afterEnd);
}

/** A value in a unit that names a class (500千伏主干网架, 3岁以下婴幼儿): never a goal when a noun follows. */
export function isClassValue(text: string, unit: string | null, afterEnd: number): boolean {
  if (!unit || !NOT_TARGETS.classUnits.has(unit)) return false;
  return CJK.test(text[afterEnd] ?? "") || /^[—\-~～至]/.test(text.slice(afterEnd, afterEnd + 1));
}

/** A value that is part of a name or a designation (千亿级, 百强, 第3届, 80周年). */
export function isNamePart(text: string, start: number, afterEnd: number): boolean {
  if (start > 0 && text.charCodeAt(start - 1) === 0x7b2c /* 第 */) return true;
  // inside a quoted name after other words (“奶33条”); a quote that opens with the value (“15分钟”就业服务圈) is a target
  const lo = Math.max(0, start - 24);
  const near = text.slice(lo, start);
  const open = near.lastIndexOf("“");
  if (open >= 0 && open < near.length - 1 && near.lastIndexOf("”") < open && text.slice(afterEnd, afterEnd + 24).includes("”")) return true;
  return NAME_WORD_START.has(codeAt(text, afterEnd)) && startsWithAny(text.slice(afterEnd, afterEnd + 4), NOT_TARGETS.nameWords) !== null;
}

/**
 * A count written right after a list of exactly that many names, with the
 * head noun of a physical undertaking (包头市、通辽市、赤峰市3个…产业基地):
 * the list items are the records (projects), the count restates the list.
 */
export function restatesList(text: string, clauseStart: number, start: number, count: number, afterEnd: number, clauseEnd: number): boolean {
  if (!Number.isInteger(count) || count < 2 || count > 20) return false;
  const head = text.slice(afterEnd, Math.min(clauseEnd, afterEnd + 40)); // the head noun follows the count
  const nounEnd = head.search(/[，。；：,;:]/);
  const noun = nounEnd < 0 ? head : head.slice(0, nounEnd);
  // one native test of the head nouns, not a closure call and a search per noun (run for most counts of 2 to 20)
  if (!holdsAny(noun, NOT_TARGETS.restatedListHeads)) return false;
  const listText = text.slice(clauseStart, start).trim();
  // the list is the run of 、/和-separated names right before the count
  // names may contain 和 (乌兰布和沙漠): split at 、, and at one closing 和/及 (A、B和C)
  const items = listText.split("、");
  if (items.length === count) return true;
  if (items.length === count - 1 && /和|及/.test(items[items.length - 1]!)) return true;
  // the list may follow other words of the clause: …示范区以及A、B2家全国重点实验室
  if (items.length > count && /以及|及|和|与/.test(items[items.length - count]!)) return true;
  // the head noun may come first: 实施A、B、C3个重点项目 / 实施A、B、C重点项目3个
  const headFirst = NOT_TARGETS.restatedListHeads.find((h) => listText.endsWith(h));
  if (headFirst) return listText.slice(0, listText.length - headFirst.length).split("、").length === count;
  return false;
}

/** Direction-only wording with no value to check (持续提升, 完成国家下达的目标). */
export function directionOnly(clause: string): boolean {
  return includesAny(clause, NOT_TARGETS.directionOnly) !== null;
}

/** A share or amount assigned to a use (资金10%用于“以工代赈”): an allocation rule, no goal. */
export function isAllocation(text: string, afterEnd: number): boolean {
  return ALLOCATION_START.has(codeAt(text, afterEnd)) && startsWithAny(text.slice(afterEnd, afterEnd + 4), NOT_TARGETS.allocationAfter) !== null;
}

/**
 * A clause about the progress of given items (加快4个…基地建设进度, 推进…160项
 * 重点任务落实): it ends in a progress word, so the counts in it name the items
 * and set no goal (rates and shares in such a clause still can). Read once per clause.
 */
export function progressClause(clause: string): boolean {
  const last = clause.charCodeAt(clause.length - 1);
  if (!PROGRESS_END.has(last) && !SPACE.has(last)) return false;
  return endsWithAny(clause.trimEnd(), NOT_TARGETS.progressEnds) !== null;
}
