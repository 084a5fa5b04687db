import { holdsAny } from "../../shared/lexicon.js";
import { fixOcrDashes, splitStops } from "../../shared/places.js";
import { stageVerbs } from "../../shared/stage.js";
import { roadClassOfCode } from "./classes.js";
import type { Mention } from "./mention.js";
import type { Span } from "../../shared/span.js";

export type { Mention } from "./mention.js";
import {
  CORRIDOR, NOUN_WORKS, ORDINARY_LINE_WORDS, PORT_MARKER_RE, SEGMENT_WORDS, HEAD_RE, LIST_TAIL, NOT_A_LINE_AFTER, RAIL_HEADS, ROAD_GRADE_RE, ROAD_HEADS,
} from "./vocab.js";
import { endsGeneric, hasGenericStop, isGenericPrefix, isNameChar, markersAfter, nameRunStart, nameStartIn, parsePrefix, parseRoadBody } from "./names.js";
import { nextOf } from "../../shared/char-class.js";

/**
 * Railway lines and road sections named in one sentence: coded roads
 * (G1816…, 国道331线), names ending in a head word (…铁路, …高铁, …高速公路),
 * items sharing the head of the list's last item (哈佳、哈牡等快速铁路), and
 * short line names in railway sentences (临哈线). Names, stops and markers
 * come from names.ts; stage and filtering from items.ts.
 */


const CODE_RE = /(?<![A-Za-z0-9])([GSXY])(\d{1,4})(?=[\u4e00-\u9fff、，,。；;])/g;
/**
 * A route code counts in a sentence or heading about roads (公路方面，建成S22…; （四）普通国省道 … G109能源运输通道),
 * or when its name runs from one place to another: G20峰会 is no road.
 */
export const ROAD_CONTEXT = /公路|国道|省道|高速|交通|路网/;
/**
 * 国道331线, 国道312, 省道394, 209省道 — not 国省道1500公里 or 新改建国道1500公里 (lengths):
 * a number after the road word is a code when no measure word follows it.
 */
const CODE_WORD_RE = /(?<!国)(国道|省道)(\d{2,4})(?![\d.]|公里|千米|米|km|万|条|个|多|余)(线)?|(?<!\d)(\d{3})(国道|省道)/g;
/** A road word written before a route code (国道G331线, 省道S203). */
const CODE_PREFIX_WORD = /(?:国道|省道)$/;
const ITEM_END = /[、，,。；;：:]/;
/** ITEM_END searched from a lastIndex */
const ITEM_END_ANY = new RegExp(ITEM_END.source, "g");
/** The next list mark at or after `from`, or the sentence's end. */
const nextItemEnd = (s: string, from: number): number => { const i = nextOf(ITEM_END_ANY, s, from); return i < 0 ? s.length : i; };
const BARE_EXPRESSWAY = /高速(?!公路|铁路|客运)/g;
const PAREN_CODE = /^[（(]([GS]\d{1,4})[)）]/;
/** What may follow a short expressway name (乌石高速、…; 京密高速等工程; 京藏高速改扩建). */
const SHORT_EXPRESSWAY_END = /^(?:[、，,。；;：:）)]|$|等|和|及|与|建设|项目|工程|改扩建|扩容|改造|扩能|[（(][GS]\d)/;
const CHAIN_THEN_SECTION = /^[\u4e00-\u9fff]{2,10}?至[\u4e00-\u9fff]{2,10}?段/;

/** Cut list-closing words (等项目, 前期工作, 建设) from the end of an item, keeping at least `keep` characters of it. */
function stripListTail(s: string, start: number, end: number, keep = 2): number {
  for (let guard = 0; guard < 4; guard++) {
    const t = s.slice(start, end);
    const w = LIST_TAIL.find((x) => t.endsWith(x) && t.length >= x.length + keep);
    if (!w) break;
    end -= w.length;
  }
  return end;
}

/** Longest stretch of text a line's name can take before its head (bounds every backward walk). */
const MAX_NAME = 40;

/** Sentence positions already inside a mention: overlap tests stay linear on hostile input. */
class Taken {
  /** made at the first mark: most sentences name no line, and a mask per sentence was most of this extractor's garbage */
  private mask: Uint8Array | null = null;
  constructor(private readonly len: number) {}
  mark(m: Span) { (this.mask ??= new Uint8Array(this.len + 1)).fill(1, m.start, m.end); }
  overlaps(a: number, b: number): boolean {
    const mask = this.mask;
    if (mask) for (let i = a; i < b; i++) if (mask[i]) return true;
    return false;
  }
  /** end of the nearest taken stretch at or before `pos`, looking back at most MAX_NAME characters */
  floorBefore(pos: number): number {
    const mask = this.mask;
    if (mask) for (let i = pos - 1; i >= 0 && i >= pos - MAX_NAME; i--) if (mask[i]) return i + 1;
    return Math.max(0, pos - MAX_NAME);
  }
}

/** Time words written between a road's name and its verb (…段年底前通车). */
const WHEN_WORDS = ["年底前", "年底", "年内", "年末", "上半年", "下半年", "全线", "全面", "如期", "按期", "提前", "尽快", "前"];

/**
 * Where the predicate starts in a coded road's body written before its verb
 * (G65包茂高速公路包头至东胜段年底前通车): at the first completion or start verb
 * after the name, with the time words before it. The body's length when there is none.
 */
function predicateStart(body: string): number {
  const v = stageVerbs(body).find((h) => h.start >= 2 && (h.stage === "completed" || h.stage === "start"));
  if (!v) return body.length;
  let end = v.start;
  for (let guard = 0; guard < 4; guard++) {
    const w = WHEN_WORDS.find((x) => body.slice(0, end).endsWith(x) && end - x.length >= 2);
    if (!w) break;
    end -= w.length;
  }
  return end;
}

/** A route code as written: G1816, 国道G331线, 国道312, 省道394线, 209省道; `bodyStart` is where the road's own words begin. */
interface CodeHit { start: number; bodyStart: number; code: string; /** the code as written, with its road word and 线 */ written: string; letter: boolean }

/** Every route code of a sentence, in text order: letter codes (G331) and codes written with a road word (国道312, 209省道). */
function codeHits(s: string): CodeHit[] {
  const out: CodeHit[] = [];
  CODE_RE.lastIndex = 0;
  let x: RegExpExecArray | null;
  while ((x = CODE_RE.exec(s))) {
    // 国道G331线: the road word before the code and the 线 after it belong to the name, not to the body
    const word = CODE_PREFIX_WORD.exec(s.slice(Math.max(0, x.index - 2), x.index))?.[0] ?? "";
    const start = x.index - word.length;
    const xian = s[x.index + x[0].length] === "线" ? "线" : "";
    const bodyStart = x.index + x[0].length + xian.length;
    out.push({ start, bodyStart, code: `${x[1]}${x[2]}`, written: s.slice(start, bodyStart), letter: true });
  }
  // positions inside a letter code (G331国道: 331 is that code's), marked once: the test stays linear
  const inLetter = out.length ? new Uint8Array(s.length + 1) : null;
  if (inLetter) for (const h of out) inLetter.fill(1, h.start, h.bodyStart);
  CODE_WORD_RE.lastIndex = 0;
  while ((x = CODE_WORD_RE.exec(s))) {
    const word = x[1] ?? x[5]!;
    const code = `${word === "国道" ? "G" : "S"}${x[2] ?? x[4]}`;
    const end = x.index + x[0].length;
    if (inLetter?.[x.index]) continue;
    out.push({ start: x.index, bodyStart: end, code, written: x[0], letter: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A road's own name after its code: 西宁至澜沧公路, 张掖至肃南段 (a chain closed by a road head or 段). */
const NAMED_BODY = /^[\u4e00-\u9fff]{2,10}?至[\u4e00-\u9fff]{2,10}?(?:高速公路|公路|段)/;

/** Coded road items: `G1816荣乌高速公路联络线乌海至石嘴山`, `国道214西宁至澜沧公路`, each up to the next list mark or code. */
function codedRoads(s: string, taken: Taken, roadContext: boolean): Mention[] {
  const out: Mention[] = [];
  const push = (m: Mention) => { out.push(m); taken.mark(m); };
  const roadSentence = roadContext || ROAD_CONTEXT.test(s);
  const hits = codeHits(s);
  hits.forEach((h, k) => {
    const next = hits[k + 1]?.start ?? s.length;
    const bodyStart = h.bodyStart;
    let end = bodyStart;
    while (end < next && !ITEM_END.test(s[end]!) && !(end > bodyStart && /[GS]/.test(s[end]!) && /\d/.test(s[end + 1] ?? ""))) end++;
    // G210等国道改造: what follows 等 is the list's category, not this road's name
    const deng = s.slice(bodyStart, end).indexOf("等");
    if (deng >= 0) end = bodyStart + deng;
    end = bodyStart + predicateStart(s.slice(bodyStart, end));
    // the code is the name: a body that is only a list's closing words (国道G331线建设) is stripped to nothing
    end = stripListTail(s, bodyStart, end, 0);
    // a joint before the next code joins two roads (国道312线和国道214…)
    const joint = end === next ? /(?:以及|和|及|与)$/.exec(s.slice(bodyStart, end)) : null;
    if (joint) end -= joint[0].length;
    // a road word states the kind of road: 国道312 needs no road context
    if (end <= bodyStart && !roadSentence && h.letter) return;
    const body = s.slice(bodyStart, Math.max(end, bodyStart));
    end = Math.max(end, bodyStart);
    const code = h.code;
    if ((code[0] === "X" || code[0] === "Y") && code.length !== 4) return;
    if (!h.letter && !NAMED_BODY.test(body)) {
      // 国道331线鹤岗段, 国道331线待贯通和低等级路段: after a road word only the markers of a name follow the code
      const mk = markersAfter(s, bodyStart);
      push({
        kind: "road", start: h.start, end: mk.end, name: s.slice(h.start, mk.end), stops: mk.sectionStops ?? [], code,
        stated: roadClassOfCode(code), speed: null, segment: mk.segment, work: mk.work, regionPart: mk.regionPart, port: false,
      });
      return;
    }
    const rb = parseRoadBody(body);
    if (!roadSentence && h.letter && rb.stops.length < 2) return;
    push({
      kind: "road", start: h.start, end, name: h.written + fixOcrDashes(body), stops: rb.stops, code, stated: roadClassOfCode(code),
      speed: null, segment: rb.segment, work: rb.work, regionPart: rb.regionPart, port: false,
    });
  });
  return out;
}

/** Heads found in a sentence: every rail/road head word, plus 高速 directly followed by a section (吉黑高速吉林至荒岗段). */
function heads(s: string): Array<{ start: number; end: number; head: string }> {
  const out: Array<{ start: number; end: number; head: string }> = [];
  HEAD_RE.lastIndex = 0;
  let x: RegExpExecArray | null;
  while ((x = HEAD_RE.exec(s))) out.push({ start: x.index, end: x.index + x[0].length, head: x[0] });
  BARE_EXPRESSWAY.lastIndex = 0;
  while ((x = BARE_EXPRESSWAY.exec(s))) {
    const e = x.index + x[0].length;
    // HEAD_RE never covers a bare 高速 (its 高速 heads are followed by 公路/铁路/客运), so no overlap test is needed;
    // 高速 names a road when a section follows (吉黑高速吉林至荒岗段) or when it closes a short name (乌石高速、京密高速等)
    const shortName = x.index >= 2 && /^[\u4e00-\u9fff]{2}$/.test(s.slice(x.index - 2, x.index)) && SHORT_EXPRESSWAY_END.test(s.slice(e, e + 4));
    if (CHAIN_THEN_SECTION.test(s.slice(e, e + 24)) || shortName) {
      out.push({ start: x.index, end: e, head: "高速" });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const QUOTED_WORD_AFTER = /^[\u4e00-\u9fff]{1,6}”/;

/** Named lines ending in a head word (呼和浩特至包头铁路…, 包银高铁, 包茂高速公路包头至东胜改扩建工程). */
function namedLines(s: string, taken: Taken): Mention[] {
  const out: Mention[] = [];
  const push = (m: Mention) => { out.push(m); taken.mark(m); };
  let prevHeadEnd = 0;
  for (const h of heads(s)) {
    // a name never reaches back across another head word (铁路铁路…, 公路、铁路)
    const floor = Math.max(taken.floorBefore(h.start), prevHeadEnd);
    prevHeadEnd = h.end;
    if (taken.overlaps(h.start, h.end) || floor >= h.start) continue;
    const after = s.slice(h.end, h.end + 8);
    // a head inside a quoted brand, more words following it before the quote closes (“东北铁路快运”): a service, no line
    if (QUOTED_WORD_AFTER.test(after) && s.lastIndexOf("“", h.start) > s.lastIndexOf("”", h.start)) continue;
    let i = h.start;
    i = nameRunStart(s, floor, i);
    const left = s.slice(i, h.start);
    const cut = nameStartIn(left);
    let prefix = left.slice(cut);
    const nameStart = i + cut;
    let modifier = "";
    const deng = prefix.lastIndexOf("等");
    if (deng >= 0) { modifier = prefix.slice(deng + 1); prefix = prefix.slice(0, deng); }
    if (!prefix || prefix.includes("的") || prefix.length > 20) continue;
    const isRail = RAIL_HEADS.has(h.head);
    if (!isRail && h.head === "国省道") continue;
    // a road's technical grade (A至B一级公路) is not part of its last stop
    const grade = isRail ? null : ROAD_GRADE_RE.exec(prefix + modifier);
    const placePart = grade ? (prefix + modifier).slice(0, grade.index) : prefix + modifier;
    const pp = parsePrefix(placePart, h.head);
    if (pp.stops.length >= 2 && hasGenericStop(pp.stops)) continue;
    const corridorOk = after.startsWith(CORRIDOR) && pp.stops.length >= 2;
    if (!corridorOk && NOT_A_LINE_AFTER.some((w) => after.startsWith(w))) continue;
    if (pp.stops.length < 1 && (isGenericPrefix(placePart) || endsGeneric(placePart) || placePart.length > 8)) continue;
    let end = h.end + (corridorOk ? CORRIDOR.length : 0);
    // a route code in brackets after a road's name: 京新高速公路（G7）
    let code: string | null = null;
    const pc = isRail ? null : PAREN_CODE.exec(s.slice(end, end + 8));
    if (pc) { code = pc[1]!; end += pc[0].length; }
    const mk = markersAfter(s, end);
    const stops = mk.sectionStops ?? pp.stops;
    const stated = isRail ? RAIL_HEADS.get(h.head) ?? null
      : code ? roadClassOfCode(code) : h.head === "高速" ? "expressway" : ROAD_HEADS.get(h.head) ?? null;
    const base: Omit<Mention, "start" | "end" | "name" | "stops" | "port"> = {
      kind: isRail ? "rail" : "road", code, stated, speed: mk.speed, segment: mk.segment, work: mk.work, regionPart: mk.regionPart,
    };
    const headText = mk.aliases.reduce((t, a) => t.replace(a, ""), s.slice(h.start, mk.end));
    const name = fixOcrDashes(prefix + modifier + headText);
    const origins = connectorOrigins(s, nameStart, floor, mk.segment);
    if (origins.length) {
      // 赤峰、通辽与京沈高铁连接线: one connecting line from each place to the line named after 与
      origins.forEach((o, k) => push({
        ...base, start: o.start, end: k === origins.length - 1 ? mk.end : o.end, name: `${o.place}与${name}`, stops: [o.place], port: false,
      }));
      continue;
    }
    push({ ...base, start: nameStart, end: mk.end, name, stops, port: pp.port });
    // items before this one that share its head: 齐齐哈尔至海拉尔、海拉尔至黑山头铁路; 哈佳、…、哈牡等快速铁路; 京包、包兰铁路
    const abbrev = pp.stops.length === 0 && !pp.port && prefix.length <= 4;
    const portOfOne = pp.port && pp.stops.length === 1;
    for (const m of sharedHeadItems(s, taken, nameStart, { modifier: portOfOne && deng < 0 ? PORT_MARKER_RE.exec(prefix)?.[0] ?? "" : modifier, head: h.head, listed: deng >= 0, ports: portOfOne && deng < 0, abbrev, base })) push(m);
  }
  return out;
}

/** Segments that join a place to another line: 赤峰与京沈高铁连接线. */
const CONNECTORS = new Set(["连接线", "联络线"]);

/**
 * Places joined to a line by a connector written "A、B与X连接线": the list
 * before 与 (at `nameStart - 1`), each a place of 2–6 characters that is no
 * category. Empty when the name is no connector or nothing but a verb precedes 与.
 */
function connectorOrigins(s: string, nameStart: number, floor: number, segment: string | null): Array<{ place: string; start: number; end: number }> {
  if (!segment || !CONNECTORS.has(segment) || s[nameStart - 1] !== "与") return [];
  let k = nameStart - 1;
  while (k > floor && (isNameChar(s[k - 1]!) || s[k - 1] === "、") && !/[，,。；;：:\s]/.test(s[k - 1]!)) k--;
  const raw = s.slice(k, nameStart - 1);
  const from = k + nameStartIn(raw);
  const out: Array<{ place: string; start: number; end: number }> = [];
  let pos = from;
  for (const place of s.slice(from, nameStart - 1).split("、")) {
    if (place.length < 2 || place.length > 6 || isGenericPrefix(place) || stageVerbs(place).length) return [];
    out.push({ place, start: pos, end: pos + place.length });
    pos += place.length + 1;
  }
  return out;
}

interface SharedHead {
  /** words between 等 and the head (甘其毛都、策克等口岸跨境铁路 → 口岸) */
  modifier: string;
  head: string;
  /** the list closes with 等: any short name before it shares the head */
  listed: boolean;
  /** the item holding the head is a port line of one place (满都拉、珠恩嘎达布其口岸铁路): places before it share the head */
  ports: boolean;
  /** the item holding the head is a short abbreviation (包兰铁路): so may its neighbours be (京包) */
  abbrev: boolean;
  base: Omit<Mention, "start" | "end" | "name" | "stops" | "port">;
}

/**
 * Items before `nameStart`, joined by 、, written without the head their list
 * closes with. Without 等 only stop chains (齐齐哈尔至海拉尔) or, next to an
 * abbreviation, other abbreviations (京包) qualify; a verb or a category ends the walk.
 */
function sharedHeadItems(s: string, taken: Taken, nameStart: number, sh: SharedHead): Mention[] {
  const out: Mention[] = [];
  let j = nameStart;
  while (s[j - 1] === "、") {
    const f = taken.floorBefore(j - 1);
    let k = j - 1;
    k = nameRunStart(s, f, k);
    const raw = s.slice(k, j - 1);
    const c = nameStartIn(raw);
    const item = raw.slice(c);
    const itemStart = k + c;
    if (!item || taken.overlaps(itemStart, j - 1) || stageVerbs(item).length) break;
    const chain = splitStops(item);
    const shortName = item.length >= 2 && !isGenericPrefix(item) && !endsGeneric(item);
    // a port's place names no facility or network (口岸基础设施、二连浩特口岸铁路: 口岸基础设施 is no port line)
    const ok = sh.listed ? shortName && item.length <= 8
      : sh.ports ? shortName && item.length <= 6 && !holdsAny(item, NOT_A_LINE_AFTER)
      : chain.length >= 2 ? !hasGenericStop(chain)
      : sh.abbrev && shortName && item.length <= 4;
    if (!ok) break;
    const ip = parsePrefix(item + sh.modifier, sh.head);
    out.push({
      ...sh.base, start: itemStart, end: j - 1, name: fixOcrDashes(item + sh.modifier + sh.head), stops: ip.stops, port: ip.port,
      speed: null, segment: null, work: null, regionPart: null,
    });
    j = itemStart;
  }
  return out;
}

/** Segment and work nouns written with 线 (联络线, 增二线, 专用线); the two-character ones (二线, 支线) would also end real names (集二线). */
const LINE_NOUNS = [...SEGMENT_WORDS, ...NOUN_WORKS].filter((w) => w.length >= 3 && w.endsWith("线"));

/**
 * An item `XY线` (2–3 characters before 线) abbreviates a line by its ends (临哈 = 临河–哈密, 集二 = 集宁–二连):
 * not an ordinary noun (生命线, 主干线), a segment or work noun (联络线, 增二线), a category (断头线, 货运线),
 * a head word with 线 (铁路线, 高铁线) or a numbered metro line (三号线).
 */
function isLineAbbreviation(item: string): boolean {
  const body = item.slice(0, -1);
  if (ORDINARY_LINE_WORDS.some((w) => item.endsWith(w)) || LINE_NOUNS.some((w) => item.endsWith(w))) return false;
  if (isGenericPrefix(body) || endsGeneric(body) || body.endsWith("号")) return false;
  HEAD_RE.lastIndex = 0;
  return !HEAD_RE.test(body);
}

/** Short line names in a railway sentence: 扩能改造临哈线、集二线. */
function abbreviatedLines(s: string, taken: Taken): Mention[] {
  // an abbreviated line ends in 线: a railway sentence without one holds none
  if (!s.includes("线") || !/铁路|高铁/.test(s)) return [];
  const out: Mention[] = [];
  let segStart = 0;
  // each item ends at a list mark or the sentence's end, found by a native search (a test per character ran interpreted)
  for (let i = nextItemEnd(s, 0); i <= s.length; i = i < s.length ? nextItemEnd(s, i + 1) : s.length + 1) {
    const from = Math.max(segStart, i - MAX_NAME);
    segStart = i + 1;
    if (i - from < 3 || s[i - 1] === undefined) continue;
    const raw = s.slice(from, i);
    if (!raw.includes("线")) continue; // the item lies in raw and ends in 线

    const start = from + nameStartIn(raw);
    const end = stripListTail(s, start, i);
    const item = s.slice(start, end);
    if (!/^[\u4e00-\u9fff]{2,3}线$/.test(item)) continue;
    if (!isLineAbbreviation(item) || taken.overlaps(start, end)) continue;
    const m: Mention = { kind: "rail", start, end, name: item, stops: [], code: null, stated: null, speed: null, segment: null, work: null, regionPart: null, port: false };
    out.push(m);
    taken.mark(m);
  }
  return out;
}

/**
 * Characters one of which every mention holds: the last character of every head (a named line ends
 * in its head), 道 (国道 and 省道 around a number), 速 (a bare 高速), 铁 (the 铁路 or 高铁 an abbreviated
 * line needs) and the letters of a road code. Most sentences hold none (91% of the seeds'): they are
 * passed with one search instead of every search of sentenceMentions.
 */
const MENTION_CHARS = new RegExp(`[${[...new Set([...RAIL_HEADS.keys(), ...ROAD_HEADS.keys()].map((h) => h[h.length - 1]!))].join("")}道速铁GSXY]`);
/**
 * What each finder needs, asked of the sentences holding one of MENTION_CHARS: 路, 线 and 道 stand in
 * many words (道路, 上线, 渠道), and 4 in 5 of those sentences (the seeds, 3.2 MB) name no line. Coded roads
 * need a letter code (G331) or 国道/省道, named lines a head or a bare 高速, abbreviated lines 铁路 or 高铁:
 * the heads hold 国道, 省道, 铁路 and 高铁.
 */
const MENTION_WORDS = new RegExp(`${HEAD_RE.source}|高速|[GSXY]\\d`);
export const mayHoldMention = (s: string): boolean => MENTION_CHARS.test(s) && MENTION_WORDS.test(s);

/** Every line and road mention of one sentence, in text order. */
export function sentenceMentions(s: string, roadContext = false): Mention[] {
  const taken = new Taken(s.length);
  const coded = codedRoads(s, taken, roadContext);
  const named = namedLines(s, taken);
  const abbrev = abbreviatedLines(s, taken);
  return [...coded, ...named, ...abbrev].sort((a, b) => a.start - b.start);
}

