import { mapPacked } from "../../shared/arrays.js";
import { alt, escapeRegExp, holdsAny } from "../../shared/lexicon.js";
import { outsidePlaceNames } from "../../shared/places.js";
import {
  ADVERB_AT_START_RE, ENDS_WITH_HEAD, GENERIC_START, GENERIC_START_KINDS, GENERIC_TAILS, HEAD_AT_END, HEAD_BY_NAME, HEAD_RE, HEADS, KEY_PROJECT_TAIL, KEY_PROJECT_WORDS,
  KNOWN_PLACE_PREFIX, LEVEL_ITEMS, LEVEL_ITEM_WORDS, OWNER_PREFIX_RE, REGION_PREFIX, NAME_VERBS, isPlaceName, PLACE_PREFIX_RE, SECTOR_KEYWORDS, SUFFIXES, VERB_AT_START_RE, VERB_ONE_RE,
  type HeadNoun,
} from "./lexicon.js";
import { verbRunAt, verbRunOpening } from "./verb-run.js";
import { DocHeads } from "./heads.js";

/**
 * Candidate names in one clause. A name ends at a head noun of a physical
 * work (plus what stays with it: a section, a phase, a bracketed place) and
 * runs back to the verb run that governs it. Names joined by 、/和/等 form a
 * list; a list before a shared head ("乌海、赤峰、巴彦淖尔抽水蓄能项目")
 * gives one name per item with the shared part carried to each.
 */
export interface NameHit {
  name: string;
  /** offset of the item inside the clause text */
  start: number;
  /** the whole list the item belongs to, inside the clause text */
  listStart: number;
  listEnd: number;
  /** the verb run governing the list ("" when none) */
  verbs: string;
  head: HeadNoun;
  /** number of items in the list */
  listSize: number;
  /** the shared class after 等 / a count, when the list has one */
  tail: string;
  /** written without its head noun, which the list's last item carries (恒力炼化一体化、…一期项目) */
  sharesHead?: boolean;
}

/** how far past a name its wrappers and suffixes are read: keeps every step linear on hostile input */
const WINDOW = 24;
/** a longer list is not one written by hand; names past 60 characters are no names */
const MAX_LIST = 600;
const MAX_TAIL = 60;

/** what may follow a name: a verb, a list joint, a wrapper (…建设, …前期工作, …等, …功能) */
const AFTER_NAME = /^(?:$|[、，,；;。：:”"）)\s]|等|和|及|与|以|为|的|建设|前期|开工|项目|规划|任务|功能|作用|能力|网络|封关|落地|提质|改造|升级|申遗|取得)/;
const BRACKET_TAIL = /^[（(][^（）()]{1,12}[)）]/;
const PHASE_TAIL = /^[一二三四五六七八九十\d]{1,2}期/;
const NATIONAL_CLASS_TAIL = /^(?:国家|自治区|省级?)[\u4e00-\u9fff]{0,8}(?:重点|重大)(?:工程|项目)$/;
const LEVEL_INSIDE_RE = /(?:国家|自治区|省级)/;
const COUNT_RE = /(?:\d{1,3}|[两二三四五六七八九十]{1,2})(?:个|大|项|座|处)/;
/** 和 joins list items except inside place names the gazetteer and the region overlays know (乌兰布和, 和林格尔, 呼和浩特) */
const HE = outsidePlaceNames("和");
const JOINT = new RegExp(`^(?:以及|${HE}|及|与|并|、)`);
const JOINT_ANY = new RegExp(`、|以及|${HE}|及`, "g");
/**
 * Regexes built from HE (a 200-character lookbehind of place names) are made once here, not per
 * call: V8 re-parses and re-compiles a new RegExp once its compilation cache ages out at a GC, and
 * splitList cost ~12 µs a call when they did (3.2 MB x 8 passes, profile: splitList 631 -> 363 ms inclusive).
 */
/** 和 alone, splitting a list's items into groups */
const HE_RE = new RegExp(HE);
/** 、 or 和, splitting a list into its items */
const ITEM_JOINT = new RegExp(`、|${HE}`);
/** joints and spaces opening a list after its verb run */
const LIST_LEAD = new RegExp(`^(?:[、，,及与等\\s]|${HE})*`);
/** JOINT_ANY for splitItems, which runs inside splitList's loop over JOINT_ANY: each g regex keeps its own lastIndex */
const ITEM_JOINT_ANY = new RegExp(JOINT_ANY.source, "g");
/** the generic head nouns a list may write once for all its items (…、…一期项目) */
const SHARED_BARE_HEAD = /(?:工程|项目)$/;
/** kinds, not sizes: 大型灌区工程 after named irrigation areas keeps them (晓奇子…、甘河扬水等大型灌区工程) */
const GENERIC_START_KINDS_RE = new RegExp(`^(?:${[...GENERIC_START_KINDS].filter((k) => !/型$/.test(k)).join("|")})`);
/** a phase of a work (…一期项目): phases belong to one work */
const PHASED = /[一二三四五六七八九十\d]期(?:工程|项目)$/;
/** a list opening with these is a class of works (实施一批…项目) */
const CLASS_LIST = /^(?:一批|若干|各类|一些|多个)/;
/** a list before this tail names a class of things (…等领域项目), no works */
const CATEGORY_TAIL = /^(?:领域|方面|方向|行业)(?:项目|工程|建设)?$/;

interface Run { start: number; end: number; head: HeadNoun; lastHead: number }

/**
 * The text between two heads of one name: name text only (Han characters, quotes, brackets, a dash or
 * a dot: no separator ，；。、), opening with no joint (JOINT's) and no 等. One test for what were four
 * (a separator, a joint, 等 and the characters), each a call per head.
 */
export const NAME_GAP = new RegExp(`^(?!以及|${HE}|及|与|并|等)[\\u4e00-\\u9fff“”"（）()—·]*$`);

/**
 * Head nouns merged into runs: heads with only name text between them belong to one name. The heads
 * are those the document's search found (`heads` from `first` on, at `offset` in its text), or, with
 * none given (a head of that search crossed the clause's ends), the clause's own.
 */
function headRuns(text: string, headingOk: boolean, heads: DocHeads | null, first: number, offset: number): Run[] {
  const runs: Run[] = [];
  let k = first;
  if (!heads || first < 0) { heads = new DocHeads(text, 0, text.length); k = 0; offset = 0; }
  const starts = heads.start, ends = heads.end, nouns = heads.head, count = heads.count;
  const limit = offset + text.length;
  // (this loop runs once per head of every clause naming a work, mostly interpreted: V8 charges each
  // turn the length of its body, and with a call per head and four tests per gap it got headRuns
  // optimized within the first pass of the seeds, a compilation of ~24M instructions)
  let last: Run | null = null;
  for (; k < count && starts[k]! < limit; k++) {
    const head = HEADS[nouns[k]!]!;
    if (head.headingOnly && !headingOk) continue;
    const at = starts[k]! - offset, end = ends[k]! - offset;
    const gap = last ? text.slice(last.end, at) : "";
    // (the verb scan of the gap last: the test before it is one native test)
    if (last && NAME_GAP.test(gap) && !governsInGap(gap)) {
      last.end = end;
      last.head = head;
      last.lastHead = at;
    } else {
      runs.push((last = { start: at, end, head, lastHead: at }));
    }
  }
  // what stays with the head is read where the run ends, in the clause itself: no window cut out and no
  // regex per kind of tail (every tail is far shorter than WINDOW). What may follow the name is read on
  // one window with the regexes other steps use too: one sticky regex of them all was a new compilation
  // of their 700 characters (about 2 ms at the first calls of every process) for less than it saved
  const kept: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    for (;;) {
      RUN_TAIL.lastIndex = r.end;
      const suf = RUN_TAIL.exec(text);
      if (!suf) break;
      r.end += suf[0].length;
    }
    const rest = text.slice(r.end, r.end + WINDOW);
    if (AFTER_NAME.test(rest) || VERB_AT_START_RE.test(rest) || ADVERB_AT_START_RE.test(rest) || /^[\u4e00-\u9fff]{0,2}(?:建设|前期)/.test(rest)) kept.push(r);
  }
  return kept;
}

/**
 * What a run carries after its last head, tried in turn at its end: an upgrade written after the work, the
 * first of SUFFIXES in their order, possibly after a manner word (河套灌区整装现代化改造); else a bracketed
 * place; else a phase. A manner word with no suffix after it carries nothing.
 */
const MANNER = "整装|整体|全面";
const SUFFIX_IN_ORDER = SUFFIXES.filter((x) => x).map(escapeRegExp).join("|");
const RUN_TAIL = new RegExp(`(?:${MANNER})(?:${SUFFIX_IN_ORDER})|(?!${MANNER})(?:${SUFFIX_IN_ORDER}|${BRACKET_TAIL.source.slice(1)}|${PHASE_TAIL.source.slice(1)})`, "y");

/** A verb inside the gap between two heads that governs a new noun phrase (…园区因地制宜创建自治区级零碳园区). */
function governsInGap(gap: string): boolean {
  VERB_ONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VERB_ONE_RE.exec(gap))) if (gap.length - (m.index + m[0].length) >= 2 || !NAME_VERBS.has(m[0])) return true;
  return false;
}

/**
 * The verb run governing a segment: the first run that leaves a name before
 * the head, continued over joined verbs ("科学布局和实施重点生态工程").
 */
function verbRun(seg: string, headAt: number, heading: boolean): { verbs: string; end: number } {
  for (let m = verbRunAt(seg, 0); m; m = verbRunAt(seg, m.index + m.text.length)) {
    // runs come in text order and are never empty: once one starts at the head, none later ends before it
    if (m.index >= headAt) break;
    let end = m.index + m.text.length;
    if (headAt - end < 0) continue;
    if (heading && m.index > 0) break; // a box heading's verb opens it (（二）开展江河绿色生态廊道建设)
    let verbs = m.text;
    for (;;) {
      const j = JOINT.exec(seg.slice(end, end + 4))?.[0] ?? "";
      const n = verbRunOpening(seg.slice(end + j.length, end + j.length + WINDOW));
      if (n === null || headAt - (end + j.length + n.length) < 1) break;
      verbs += j + n;
      end += j.length + n.length;
    }
    return { verbs, end };
  }
  return { verbs: "", end: 0 };
}


export const isPlace = isPlaceName;

/** HEAD_RE with a lastIndex of its own (cutAtFirstWork need not rely on any other search's state) */
const WORK_RE = new RegExp(HEAD_RE.source, "g");

function cutAtFirstWork(tail: string): string {
  const re = WORK_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail))) {
    const end = m.index + m[0].length;
    if (end < tail.length && /^(?:、|及|和)/.test(tail.slice(end))) return tail.slice(0, end);
  }
  return tail;
}

/** any generic word, searched from a lastIndex */
const GENERIC_START_AT = new RegExp(alt(GENERIC_START), "g");

/** The class words a list shares, read off its last item: from the first generic word on (…达茂零碳园区 → 零碳园区). */
function classTail(last: string): string | null {
  const p = PLACE_PREFIX_RE.exec(last)?.[0]?.length ?? 0;
  // the first position from p where a generic word starts, found by one search (a closure over the list per position before)
  GENERIC_START_AT.lastIndex = p;
  const g = GENERIC_START_AT.exec(last);
  return g && g.index < last.length - 2 ? last.slice(g.index) : null;
}

/** The class words from a level word on (草种业国家技术创新中心 → 国家技术创新中心), when a field precedes the level. */
function levelTail(last: string): string | null {
  const m = LEVEL_INSIDE_RE.exec(last);
  return m && m.index >= 2 ? last.slice(m.index) : null;
}

/**
 * An item already naming a work of the shared kind, or a class tail (…等科技创新平台基地), keeps its
 * own name (…沙漠基地等新能源基地); otherwise the shared part is added (…开发区等国家级零碳园区).
 */
function keepsOwnName(item: string, tail: string): boolean {
  const h = HEAD_AT_END.exec(item)?.[1];
  if (!h) return false;
  return HEAD_AT_END.exec(tail)?.[1] === h || /平台|载体/.test(tail);
}

/**
 * The kind part of the last item (奔子栏水电站 → 水电站) when every earlier item is a short proper name
 * (2–4 Han characters, no head, no verb) and the last item's head is one always named by a proper name
 * (水库, 机场, 电站): from the first sector word or head after its own name.
 */
function properNameKind(firsts: Array<{ name: string }>, last: string): string | null {
  const h = HEAD_AT_END.exec(last);
  if (!h || !HEAD_BY_NAME.get(h[1]!)?.nameLength) return null;
  if (!firsts.every((f) => /^[\u4e00-\u9fff]{2,4}$/.test(f.name) && !ENDS_WITH_HEAD.test(f.name) && !VERB_AT_START_RE.test(f.name))) return null;
  let at = h.index;
  for (let k = 0; k < SECTOR_KEYWORDS.length; k++) { const i = last.indexOf(SECTOR_KEYWORDS[k]![0], 2); if (i >= 2 && i < at) at = i; }
  return at >= 2 ? last.slice(at) : null;
}

/** Places listed before a link (干线网络) are its ends: "呼和浩特、乌兰察布高速直连干线网络" is one work. */
function isLinkList(list: string): boolean {
  const parts = list.split("、");
  return parts.length > 1 && parts.slice(0, -1).every(isPlace);
}

/**
 * `firsts`, each with `suffix` added, then `last` as it is. The item lists here are packed
 * (shared/arrays.ts): their readers (splitList, sharePlaceSuffix, projectCandidates) deoptimized at holey ones.
 */
function suffixedThenLast(firsts: ReadonlyArray<{ name: string; at: number }>, suffix: string, last: { name: string; at: number }): Array<{ name: string; at: number }> {
  const out = mapPacked(firsts, (f) => ({ name: f.name + suffix, at: f.at }));
  out.push(last);
  return out;
}

/**
 * Places sharing a suffix written once on the last of them ("黄河、嫩江、西辽河流域"
 * → 黄河流域, 嫩江流域, 西辽河流域): the short remainder is carried to each.
 */
function sharePlaceSuffix(items: Array<{ name: string; at: number }>): Array<{ name: string; at: number }> {
  if (items.length < 2) return items;
  const last = items[items.length - 1]!;
  // directions written once: 东、中、西部 → 东部, 中部, 西部
  if (/^[东南西北中][部侧]/.test(last.name) && items.slice(0, -1).every((i) => /^[东南西北中]$/.test(i.name))) {
    return suffixedThenLast(items.slice(0, -1), last.name[1]!, last);
  }
  // the known place only: 锡林郭勒草原 → 锡林郭勒 | 草原
  const p = KNOWN_PLACE_PREFIX.exec(last.name)?.[0];
  const rest = p ? last.name.slice(p.length) : "";
  if (!p || !rest || rest.length > 3 || isPlace(last.name) || ENDS_WITH_HEAD.test(last.name) || !items.slice(0, -1).every((i) => isPlace(i.name))) return items;
  return suffixedThenLast(items.slice(0, -1), rest, last);
}

/** Split a list "A、B、C等T" / "A、B、CT" / "A和B两个T" into full item names with their offsets in the list. */
export function splitList(list: string): ListItem[] {
  if (CLASS_LIST.test(list) || list.length > MAX_LIST) return [];
  // one item: a list with no joint, no 等 and no count splits into itself, unless it is a level word alone
  // (half the lists of the seeds); one native test spares the walk through splitSubList and splitItems
  if (list && !LIST_MARKS.test(list) && !(list.includes("和") && HE_RE.test(list)) && !LEVEL_ITEMS.has(list)) return [{ name: list, at: 0 }];
  // "A、B等T和C": full names joined by 和 are separate sub-lists
  const out: ListItem[] = [];
  let from = 0;
  JOINT_ANY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JOINT_ANY.exec(list))) {
    if (m[0] === "、") continue;
    const left = list.slice(from, m.index);
    if (ENDS_WITH_HEAD.test(left.slice(-MAX_TAIL))) {
      for (const it of splitSubList(left)) out.push({ ...it, at: from + it.at });
      from = m.index + m[0].length;
    }
  }
  for (const it of splitSubList(list.slice(from))) out.push({ ...it, at: from + it.at });
  // a phase written alone after a phased item is a phase of the same work (大窑湾港区三期、四期工程 → 大窑湾港区四期工程)
  // (the phase alone first: an anchored test, where PHASE_OF's lazy run tries every length of the item before)
  for (let i = 1; i < out.length; i++) {
    if (!PHASE_ONLY.test(out[i]!.name)) continue;
    const base = PHASE_OF.exec(out[i - 1]!.name)?.[1];
    if (base) out[i] = { ...out[i]!, name: base + out[i]!.name };
  }
  return out;
}

/**
 * What a list needs to hold more than itself, apart from a 和 joining (HE_RE): a joint of JOINT_ANY or
 * ITEM_JOINT (、, 及), 等 or a count of COUNT_RE (a numeral right before its counter). A 和 inside a place
 * name (呼和浩特, 和林格尔: 1 list in 20 of the seeds) joins nothing.
 */
const LIST_MARKS = /[、及等]|[\d两二三四五六七八九十][个大项座处]/;

/** a verb anywhere (VERB_ONE_RE without its g flag, so test keeps no state) */
const VERB_ONE_ANY = new RegExp(VERB_ONE_RE.source);
const PHASE_ONLY = /^[一二三四五六七八九十\d]{1,2}期/;
/** the work a phased item is a phase of: 大窑湾港区 of 大窑湾港区三期工程 */
const PHASE_OF = /^(.{2,40}?)[一二三四五六七八九十\d]{1,2}期/;

/** A list item: its full name, its offset in the list, and whether its head noun was carried from the last item. */
interface ListItem { name: string; at: number; sharesHead?: boolean }

/** a bracket or quote, searched from a lastIndex */
const BRACKET_ANY = /[（(“）)”]/g;

function splitSubList(list: string): ListItem[] {
  // the shared tail after 等 or a count ("3个", "两个"), outside brackets and quotes
  let marker = -1, markerLen = 0;
  // the last 等 with no bracket or quote after it is found by native searches; the walk back
  // counting depth runs only past brackets (a JS loop per character is slow before it is compiled)
  const lastDeng = list.lastIndexOf("等");
  if (lastDeng > 0) {
    BRACKET_ANY.lastIndex = lastDeng + 1;
    if (!BRACKET_ANY.test(list)) { marker = lastDeng; markerLen = 1; }
    else for (let i = list.length - 1, depth = 0; i > 0; i--) {
      const c = list[i]!;
      if (c === "）" || c === ")" || c === "”") depth++;
      else if (c === "（" || c === "(" || c === "“") depth--;
      if (depth === 0 && c === "等") { marker = i; markerLen = 1; break; }
    }
  }
  if (marker < 0) {
    const c = COUNT_RE.exec(list);
    if (c && /[\u4e00-\u9fff]{2}/.test(list.slice(0, c.index)) && /^[\u4e00-\u9fff]/.test(list.slice(c.index + c[0].length))) { marker = c.index; markerLen = c[0].length; }
  }
  if (marker >= 0) {
    // "等20个重点项目": the count belongs to the marker
    const rawTail = list.slice(marker + markerLen).replace(/^(?:\d{1,3}|[两二三四五六七八九十]{1,2})个/, "");
    if (CATEGORY_TAIL.test(rawTail) || rawTail.length > MAX_TAIL) return [];
    if (/^领域/.test(rawTail) && VERB_ONE_ANY.test(rawTail)) return []; // …等领域培育建设…: fields, not works
    // a tail that is itself a list ("沙漠、戈壁、荒漠地区大型风电光伏基地、支撑性电源及外送通道") ends at its first work
    const tail = cutAtFirstWork(rawTail.replace(/^领域/, ""));
    const counted = markerLen > 1;
    const itemsPart = list.slice(0, marker);
    // groups joined by 和 may each share a place suffix (黄河、嫩江、西辽河流域和呼伦贝尔、锡林郭勒草原)
    const items: Array<{ name: string; at: number }> = [];
    let gFrom = 0;
    for (const g of itemsPart.split(HE_RE)) {
      const group = mapPacked(splitItems(g, true), (it) => ({ name: it.name, at: gFrom + it.at }));
      for (const it of sharePlaceSuffix(group)) items.push(it);
      gFrom += g.length + 1;
    }
    // a national class of key works (…等国家水土保持重点工程): the items are kinds of work unless placed below the region
    if (NATIONAL_CLASS_TAIL.test(tail) && !items.some((it) => PLACE_PREFIX_RE.test(it.name.replace(REGION_PREFIX, "")))) return [];
    // a class opening with a kind of facility (西北风电光伏、…、沿海核电等清洁能源基地): items not placed are kinds of it
    if (GENERIC_START_KINDS_RE.test(tail) && !items.some((it) => PLACE_PREFIX_RE.test(it.name.replace(REGION_PREFIX, "")) || OWNER_PREFIX_RE.test(it.name))) return [];
    const generic = GENERIC_TAILS.has(tail);
    if (items.length === 1) {
      const it = items[0]!;
      return [{ name: generic && !/[工程项目]$/.test(tail) ? it.name : it.name + tail, at: it.at }];
    }
    if (generic && !counted && !items.every((it) => ENDS_WITH_HEAD.test(it.name))) {
      // items each opening with an owner name one work each (中石化煤制烯烃、荣盛绿色煤化一体化等项目)
      if (/[工程项目]$/.test(tail) && items.every((it) => OWNER_PREFIX_RE.test(it.name))) return mapPacked(items, (it) => ({ name: it.name + tail, at: it.at }));
      return [];
    }
    return mapPacked(items, (it) => ({ name: generic || keepsOwnName(it.name, tail) ? it.name : it.name + tail, at: it.at }));
  }
  // split only a list holding a level word at all (the split was the hottest line of splitSubList)
  if (holdsAny(list, LEVEL_ITEM_WORDS) && list.split(ITEM_JOINT).some((it) => LEVEL_ITEMS.has(it))) return [];
  const items = splitItems(list, false);
  if (items.length === 1) return items;
  const last = items[items.length - 1]!;
  const firsts = items.slice(0, -1);
  if (items.every((it) => ENDS_WITH_HEAD.test(it.name))) {
    // every item a full name, unless the last one repeats the first's head inside (河套灌区、英金河灌区现代化改造项目)
    const h = ENDS_WITH_HEAD.exec(firsts[0]!.name)![0];
    const i = last.name.indexOf(h);
    if (i < 0 || i + h.length === last.name.length || !firsts.every((f) => f.name.endsWith(h))) return items;
    const tail = last.name.slice(i + h.length);
    // an upgrade written after the last work only (大连新机场、长海机场扩建) is that work's: only a tail naming a work is shared
    if (!ENDS_WITH_HEAD.test(tail)) return items;
    return suffixedThenLast(firsts, tail, last);
  }
  if (!firsts.every((f) => isPlace(f.name))) {
    // items that each open with a place share the class words of the last one (鄂尔多斯蒙苏、包头达茂零碳园区)
    const t = firsts.every((f) => PLACE_PREFIX_RE.test(f.name) && !ENDS_WITH_HEAD.test(f.name)) ? classTail(last.name)
      // fields sharing a national or regional class written once (稀土新材料、草种业国家技术创新中心)
      : firsts.every((f) => f.name.length <= 8 && !ENDS_WITH_HEAD.test(f.name)) ? levelTail(last.name) : null;
    if (t) return suffixedThenLast(firsts, t, last);
    // short proper names before a work always named by one (旭龙、奔子栏水电站; 庄里、老岚水库) share its kind
    const kind = properNameKind(firsts, last.name);
    if (kind) return suffixedThenLast(firsts, kind, last);
    // otherwise full names stand on their own (青山生态系统工程、蓝天工程、…基础设施), and items naming
    // no work take the bare head noun the list closes with (恒力炼化一体化、中石油长兴岛炼化一期项目 →
    // 恒力炼化一体化项目; 城市棚户区改造、城中村改造工程 → 城市棚户区改造工程); places alone are modifiers
    const head = SHARED_BARE_HEAD.exec(last.name)?.[0];
    // the items are named like the last one only when it names one work (an owner, a place, a phase)
    const lastNamed = OWNER_PREFIX_RE.test(last.name) || PLACE_PREFIX_RE.test(last.name) || PHASED.test(last.name);
    const out: Array<{ name: string; at: number; sharesHead?: boolean }> = [];
    for (const f of firsts) {
      if (ENDS_WITH_HEAD.test(f.name)) out.push(f);
      else if (head && f.name.length >= 3 && !isPlace(f.name)) out.push({ name: f.name + head, at: f.at, sharesHead: lastNamed });
    }
    out.push(last);
    return out;
  }
  const p = PLACE_PREFIX_RE.exec(last.name)?.[0];
  let tail = p && p.length < last.name.length - 1 ? last.name.slice(p.length) : null;
  if (tail === null) {
    const n = firsts[firsts.length - 1]!.name.length;
    if (n < last.name.length - 1) tail = last.name.slice(n);
  }
  if (!tail) return [last];
  return suffixedThenLast(firsts, tail, last);
}

/**
 * Items separated by 、 (and by 和/及 when the list has an explicit shared
 * tail, or when the part before 和 is a full name). A 、 inside a modifier
 * ("包头市、通辽市退役风电、光伏设备…") is kept: after the places, the rest
 * of the list is one item when it starts with a place.
 */
function splitItems(part: string, andJoins: boolean): Array<{ name: string; at: number }> {
  const pieces: Array<{ name: string; at: number }> = [];
  const re = ITEM_JOINT_ANY;
  re.lastIndex = 0;
  let from = 0, depth = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(part))) {
    const piece = part.slice(from, m.index);
    const d = depth + (piece.match(/[（(“]/g)?.length ?? 0) - (piece.match(/[)）”]/g)?.length ?? 0);
    if (d > 0) continue;
    if (m[0] !== "、" && !andJoins && !ENDS_WITH_HEAD.test(piece) && !(isPlace(piece) && pieces.length > 0)) continue;
    pieces.push({ name: piece, at: from });
    from = m.index + m[0].length;
    depth = 0;
  }
  pieces.push({ name: part.slice(from), at: from });
  const items = pieces.filter((p) => p.name);
  if (andJoins) return items;
  // places first; a non-place, non-name piece that starts with a place opens the last item
  const k = items.findIndex((p) => !isPlace(p.name) && !ENDS_WITH_HEAD.test(p.name));
  if (k >= 1 && k < items.length - 1 && PLACE_PREFIX_RE.test(items[k]!.name) && items.slice(0, k).every((p) => isPlace(p.name))) {
    return [...items.slice(0, k), { name: part.slice(items[k]!.at), at: items[k]!.at }];
  }
  const lastItem = items[items.length - 1]!;
  if (k >= 0 && k < items.length - 1 && levelTail(lastItem.name) && items.slice(0, -1).every((p) => p.name.length <= 8 && !ENDS_WITH_HEAD.test(p.name))) return items;
  if (k >= 0 && k < items.length - 1 && properNameKind(items.slice(0, -1), lastItem.name)) return items;
  // items naming no work before a last one closing with a bare head share it (恒力炼化一体化、中石油长兴岛炼化一期项目)
  if (k >= 0 && k < items.length - 1 && SHARED_BARE_HEAD.test(lastItem.name)
    && items.slice(0, -1).every((p) => ENDS_WITH_HEAD.test(p.name) || (p.name.length >= 3 && !isPlace(p.name)))) return items;
  if (k >= 0 && k < items.length - 1) return items.slice(k + 1).every((p) => ENDS_WITH_HEAD.test(p.name) || p === items[items.length - 1]) ? items.slice(k + 1) : [items[items.length - 1]!];
  return items;
}

/**
 * "实施好A、B、C等重点项目" / "实施A、B、C 3个重点项目": the items are the
 * works, each named as written (…口岸第二通道, …跨境铁路大桥, …综合治理).
 */
function keyProjectList(text: string): NameHit[] | null {
  // most clauses hold no 重点项目/重大工程 at all: one scan for the words' first character answers
  // before the tail regex (whose optional count opens on any digit or 等) tries every position
  if (!holdsAny(text, KEY_PROJECT_WORDS)) return null;
  const t = KEY_PROJECT_TAIL.exec(text);
  if (!t) return null;
  if (t.index > MAX_LIST) return null;
  const body = text.slice(0, t.index);
  if (!t[0].startsWith("等") && body.includes("等")) return null; // "…等国家水土保持重点工程": the class is longer
  const v = verbRunAt(body.slice(0, WINDOW), 0);
  if (!v || v.index > 2) return null;
  const listStart = v.index + v.text.length;
  const list = body.slice(listStart);
  if (!list.includes("、") || CLASS_LIST.test(list)) return null;
  const items = splitItems(list, true);
  if (items.length < 2) return null;
  const head = HEAD_BY_NAME.get("项目")!;
  // packed (shared/arrays.ts), and with every field namesInClause gives a hit (sharesHead too): one shape
  // of hit, so projectCandidates' reads of the hits stay on the maps they were optimized for
  return mapPacked(items, (it): NameHit => ({
    name: it.name, start: listStart + it.at, listStart, listEnd: text.length, verbs: v.text,
    head: HEAD_BY_NAME.get(HEAD_AT_END.exec(it.name)?.[1] ?? "") ?? head, listSize: items.length, tail: "", sharesHead: false,
  }));
}

/**
 * Every candidate name in a clause. Its head nouns are searched for in it, or given: `heads` of its
 * document from index `first` on (clausesOf's firstHead), the clause standing at `offset` in the text.
 */
export function namesInClause(text: string, heading: boolean, heads: DocHeads | null = null, first = -2, offset = 0): NameHit[] {
  const key = keyProjectList(text);
  if (key) return key;
  const out: NameHit[] = [];
  const runs = headRuns(text, heading, heads, first, offset);
  let segStart = 0;
  for (let i = 0; i < runs.length;) {
    const run = runs[i]!;
    if (run.start < segStart) { i++; continue; }
    const v = verbRun(text.slice(segStart, run.end), run.lastHead - segStart, heading);
    let listStart = segStart + v.end;
    const lead = LIST_LEAD.exec(text.slice(listStart, listStart + WINDOW))![0];
    listStart += lead.length;
    // the list runs over following names joined by 、/和/等 with no verb of their own
    let j = i;
    while (j + 1 < runs.length) {
      const gap = text.slice(runs[j]!.end, runs[j + 1]!.start);
      const joint = JOINT.exec(gap)?.[0] ?? (gap.startsWith("等") ? "等" : null);
      if (joint === null || /[，,；;。]/.test(gap) || VERB_AT_START_RE.test(gap.slice(joint.length))) break;
      j++;
    }
    const listEnd = runs[j]!.end;
    segStart = listEnd;
    i = j + 1;
    const list = text.slice(listStart, listEnd);
    if (!list) continue;
    const items = runs[j]!.head.link && isLinkList(list) ? [{ name: list, at: 0 }] : splitList(list);
    // the class the items belong to: after 等 inside the list, or right after it (…等重大创新平台落地)
    // (both read only where a 等 stands: most lists have none)
    const after = text.startsWith("等", listEnd) ? /^等([\u4e00-\u9fff]{2,12})/.exec(text.slice(listEnd, listEnd + WINDOW))?.[1]?.replace(/(?:建设|落地|发展).*$/, "") : undefined;
    const tail = (list.includes("等") ? /等([^、]{2,20})$/.exec(list)?.[1] : undefined) ?? after ?? "";
    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      out.push({ name: it.name, start: listStart + it.at, listStart, listEnd, verbs: v.verbs, head: runs[j]!.head, listSize: items.length, tail, sharesHead: "sharesHead" in it && it.sharesHead === true });
    }
  }
  return out;
}
