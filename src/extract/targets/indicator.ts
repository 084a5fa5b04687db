import { charClass } from "../../shared/char-class.js";
import { GOAL_VERBS, INDICATOR_LEAD_INS, NOT_VERB_AFTER, INDICATOR_TRIM, RELATIONAL_HEADS } from "./phrases.js";
import { endsWithAny, startsWithAny, wordEnds } from "../../shared/lexicon.js";

/**
 * The indicator of a value in the source's words: the words of its clause
 * before the value (minus the goal verb and the lead-ins that say when or how
 * firmly) joined to the noun written after the value, if any:
 *   新能源装机规模达到3.25亿千瓦 → 新能源装机规模
 *   培育优质高产新品种30个以上 → 培育优质高产新品种
 *   力争发现100处以上找矿靶区 → 发现找矿靶区
 */

// a deadline phrase at the start of the words before a value: 到2030年，到“十五五”末
const LEAD_YEAR = /^(?:到|至|力争到|争取到)?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末)?(?:前|以前)?|^(?:到|至)?[“"]?十[一二三四五六七八九]五[”"]?(?:期末|时期末|末|期间|时期)/;

export function trimEnds(s: string): string {
  let a = 0, b = s.length;
  while (a < b && INDICATOR_TRIM.has(s[a]!)) a++;
  while (b > a && INDICATOR_TRIM.has(s[b - 1]!)) b--;
  // a closing bracket whose opening one is kept stays: 标准化临时起降场(点)
  const close = s[b];
  const open = close === ")" ? "(" : close === "）" ? "（" : null;
  if (open) {
    const o = s.lastIndexOf(open, b);
    if (o >= a && o > s.lastIndexOf(close!, b - 1)) b++;
  }
  return s.slice(a, b);
}

const GOAL_VERB_END = wordEnds(GOAL_VERBS);

/** Drop the goal verb(s) before the value and the lead-ins before the indicator. */
export function cleanBefore(before: string): { text: string; verb: string | null } {
  let t = trimEnds(before);
  let verb: string | null = null;
  for (let guard = 0; guard < 4; guard++) {
    // most words before a value end in no goal verb's last character: one lookup, not 42 tests
    if (!t || !GOAL_VERB_END.has(t.charCodeAt(t.length - 1))) break;
    const v = endsWithAny(t, GOAL_VERBS);
    if (!v || v.length === t.length) break;
    if (NOT_VERB_AFTER[v]?.includes(t[t.length - v.length - 1]!)) break;
    verb = verb ? v + verb : v;
    t = trimEnds(t.slice(0, t.length - v.length));
  }
  t = stripLead(t, INDICATOR_LEAD_INS);
  return { text: t, verb };
}

export function stripLead(s: string, leadIns: readonly string[]): string {
  let t = trimEnds(s);
  for (let guard = 0; guard < 6; guard++) {
    const y = LEAD_YEAR.exec(t);
    if (y && y[0].length < t.length) { t = trimEnds(t.slice(y[0].length)); continue; }
    // no lead-ins (distribute: the year alone) asks no list: an empty array literal is a list of small
    // integers to V8, and startsWithAny, compiled for lists of strings, was thrown back ("wrong map") at it
    const l = leadIns.length ? startsWithAny(t, leadIns) : null;
    if (l && l.length < t.length) { t = trimEnds(t.slice(l.length)); continue; }
    break;
  }
  return t;
}

/** The noun written right after a value (100个典型人工智能应用场景), up to the next list separator. */
export function nounAfter(after: string): string {
  // an example list closed by 等 is one noun (音乐、舞蹈、小戏小品、曲艺杂技等优秀节目)
  const cut = /^[^，。；：,;:]{0,60}等/.test(after) ? after.search(/[，。；：,;:]/) : topLevelSeparator(after);
  const t = cut < 0 ? after : after.slice(0, cut);
  return trimEnds(t.replace(/^(?:的|级|等)/, "").replace(/(?:和|及|与|以及)$/, ""));
}

// a verb the words before a value may open with (培育内蒙古牛羊肉、…5个区域品牌): kept when the middle is dropped
export const OPENING_VERB = /^(?:重点|积极|大力|每年|全区)?(?:培育|打造|建设|新建|建成|完成|开展|引进|发现|制定|落地|推出|招募|选拔|选育|创建|认定|培养|扶持|支持|办好|实施|改造|新增)/;

/** what /(?:和|及|与)$/ tests, by the last code unit (a pattern ending in $ is tried at every position) */
const CONJUNCTION_END = charClass("和及与");

/**
 * Shorten the words before a value to the indicator a coder writes:
 * an enumeration of the counted members (牛羊肉、奶酪…5个区域品牌) and a long
 * attributive clause ending in 的 (适宜…和市场竞争力的优质高产新品种) are
 * dropped, an opening verb is kept. An example list closed by 等 stays.
 */
function shorten(before: string, noun: string): string {
  const verb = OPENING_VERB.exec(before)?.[0] ?? "";
  // an object closed by a conjunction is another item (完成保交楼收尾工作和5000套保交房任务 → 完成保交房任务)
  if (noun && before && CONJUNCTION_END.has(before.charCodeAt(before.length - 1))) return verb + noun;
  if (noun && before.includes("、") && !before.includes("等")) return verb + noun;
  const de = before.lastIndexOf("的");
  if (de >= 6 + verb.length && de < before.length - 1 && !startsWithAny(before.slice(de + 1), RELATIONAL_HEADS)) return verb + before.slice(de + 1);
  return before;
}

export function indicatorOf(before: string, after: string): { indicator: string; verb: string | null } {
  // 分别 distributes values over subjects; it is no part of any of them
  const b = cleanBefore(before.replace(/分别/g, ""));
  const a = nounAfter(after);
  const head = shorten(b.text, a);
  return { indicator: balanceQuotes(trimEnds(head === b.text ? head + a : head.endsWith(a) ? head : head + a)), verb: b.verb };
}

/** Drop quotation marks left unpaired by cutting a clause (快递进村”通达率 → 快递进村通达率). */
export function balanceQuotes(s: string): string {
  const open = s.indexOf("“"), close = s.lastIndexOf("”");
  if (open < 0 && close < 0) return s;
  if (open >= 0 && close > open) return s;
  return s.replace(/[“”]/g, "");
}

/** First clause or list separator outside brackets: 旗县（市、区） is one noun. */
function topLevelSeparator(t: string): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === "（" || c === "(") depth++;
    else if ((c === "）" || c === ")") && depth > 0) depth--;
    // 、 between grade codes (3A、4A级旅游景区) joins the codes of one noun
    else if ("，。；：,;:".includes(c) || (c === "、" && depth === 0 && !(/[0-9A-Za-z]/.test(t[i - 1] ?? "") && /[0-9A-Za-z]/.test(t[i + 1] ?? "")))) return i;
  }
  return -1;
}
