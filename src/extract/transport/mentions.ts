import { fixOcrDashes, splitStops } from "../../shared/places.js";
import { listRuns } from "../../shared/lists.js";
import { stageVerbs, type Stage } from "../../shared/stage.js";
import type { Block, Doc, Sentence, Span } from "../../structure/types.js";
import {
  ABBREV_NOT_PREFIX, CORRIDOR, GOVERN_WORDS, HEAD_RE, LIST_TAIL, MEANS_AFTER_RE, MEANS_BEFORE_RE, NOT_A_LINE_AFTER, RAIL_HEADS,
  RAIL_SECTION_CLASSES, REPORT_VERB_RE, ROAD_GRADE_RE, PAST_MARKER_RE, REVIEW_SECTION_RE, ROAD_HEADS, ROAD_SECTION_CLASSES, SPEED,
  type LineClass, type RoadClass,
} from "./vocab.js";
import { endsGeneric, hasGenericStop, isGenericPrefix, isNameChar, markersAfter, nameStartIn, parsePrefix, parseRoadBody } from "./names.js";

/**
 * Railway lines and road sections named in a document's sentences, with the
 * stage their list's verbs give them. One pass per document serves both
 * extractors (railways.ts, highways.ts).
 */

export interface Mention extends Span {
  kind: "rail" | "road";
  name: string;
  stops: string[];
  code: string | null;
  /** class stated by the head word or the route code */
  stated: LineClass | RoadClass | null;
  speed: number | null;
  segment: string | null;
  work: string | null;
  regionPart: string | null;
  port: boolean;
  /** the head is carried from the list's last item (哈佳、…、哈牡等快速铁路) */
  shared?: { modifier: string; head: string };
}

export interface TransportItem {
  mention: Mention;
  stage: Stage;
  sentence: Sentence;
  /** offset in Source.text of the name */
  at: number;
  lineClass: LineClass;
  roadClass: RoadClass;
}

const DELIM = /[、，,。；;：:“”"《》\s]/;
const CODE_RE = /(?<![A-Za-z0-9])([GSXY])(\d{1,4})(?=[\u4e00-\u9fff、，,])/g;
/**
 * A route code counts in a sentence or heading about roads (公路方面，建成S22…; （四）普通国省道 … G109能源运输通道),
 * or when its name runs from one place to another: G20峰会 is no road.
 */
const ROAD_CONTEXT = /公路|国道|省道|高速|交通|路网/;
/** 国道331线, 省道203线, 331国道 — not 国省道1500公里 (a length). */
const CODE_WORD_RE = /(?<!国)(国道|省道)(\d{1,4})线|(?<!\d)(\d{3})(国道|省道)/g;
const ITEM_END = /[、，,。；;：:]/;
const ROAD_NOUN = /公路|高速|国道|省道|路|段|工程|通道|线|桥/;
const BARE_EXPRESSWAY = /高速(?!公路|铁路|客运)/g;
const PAREN_CODE = /^[（(]([GS]\d{1,4})[)）]/;
/** What may follow a short expressway name (乌石高速、…; 京密高速等工程; 京藏高速改扩建). */
const SHORT_EXPRESSWAY_END = /^(?:[、，,。；;：:）)]|$|等|和|及|与|建设|项目|工程|改扩建|扩容|改造|扩能|[（(][GS]\d)/;
const CHAIN_THEN_SECTION = /^[\u4e00-\u9fff]{2,10}?至[\u4e00-\u9fff]{2,10}?段/;

/** Road class from a route code: G/S with 1–2 or 4 digits is an expressway, G + 3 a national road, S + 3 a provincial road, X/Y county and township roads. */
export function roadClassOfCode(code: string): RoadClass {
  if (code[0] === "X" || code[0] === "Y") return "rural"; // 县道, 乡道
  const digits = code.slice(1).length;
  if (digits === 3) return code[0] === "G" ? "national" : "provincial";
  return code[0] === "G" || code[0] === "S" ? "expressway" : "other";
}

function stripListTail(s: string, start: number, end: number): number {
  for (let guard = 0; guard < 4; guard++) {
    const t = s.slice(start, end);
    const w = LIST_TAIL.find((x) => t.endsWith(x) && t.length > x.length + 1);
    if (!w) break;
    end -= w.length;
  }
  return end;
}

/** Longest stretch of text a line's name can take before its head (bounds every backward walk). */
const MAX_NAME = 40;

/** Sentence positions already inside a mention: overlap tests stay linear on hostile input. */
class Taken {
  private readonly mask: Uint8Array;
  constructor(len: number) { this.mask = new Uint8Array(len + 1); }
  mark(m: Span) { this.mask.fill(1, m.start, m.end); }
  overlaps(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (this.mask[i]) return true;
    return false;
  }
  /** end of the nearest taken stretch at or before `pos`, looking back at most MAX_NAME characters */
  floorBefore(pos: number): number {
    for (let i = pos - 1; i >= 0 && i >= pos - MAX_NAME; i--) if (this.mask[i]) return i + 1;
    return Math.max(0, pos - MAX_NAME);
  }
}

/** Coded road items: `G1816荣乌高速公路联络线乌海至石嘴山`, each up to the next list mark. */
function codedRoads(s: string, taken: Taken, roadContext: boolean): Mention[] {
  const out: Mention[] = [];
  const push = (m: Mention) => { out.push(m); taken.mark(m); };
  const roadSentence = roadContext || ROAD_CONTEXT.test(s);
  CODE_RE.lastIndex = 0;
  let x: RegExpExecArray | null;
  while ((x = CODE_RE.exec(s))) {
    const start = x.index, bodyStart = start + x[0].length;
    let end = bodyStart;
    while (end < s.length && !ITEM_END.test(s[end]!) && !(end > bodyStart && /[GS]/.test(s[end]!) && /\d/.test(s[end + 1] ?? ""))) end++;
    // G210等国道改造: what follows 等 is the list's category, not this road's name
    const deng = s.slice(bodyStart, end).indexOf("等");
    if (deng >= 0) end = bodyStart + deng;
    end = stripListTail(s, bodyStart, end);
    if (end <= bodyStart && !roadSentence) continue;
    const body = s.slice(bodyStart, Math.max(end, bodyStart));
    end = Math.max(end, bodyStart);
    const code = `${x[1]}${x[2]}`;
    if ((x[1] === "X" || x[1] === "Y") && x[2]!.length !== 3) continue;
    const rb = parseRoadBody(body);
    if (!roadSentence && rb.stops.length < 2) continue;
    push({
      kind: "road", start, end, name: code + fixOcrDashes(body), stops: rb.stops, code, stated: roadClassOfCode(code),
      speed: null, segment: rb.segment, work: rb.work, regionPart: rb.regionPart, port: false,
    });
  }
  CODE_WORD_RE.lastIndex = 0;
  while ((x = CODE_WORD_RE.exec(s))) {
    if (taken.overlaps(x.index, x.index + x[0].length)) continue;
    const word = x[1] ?? x[4]!;
    const code = `${word === "国道" ? "G" : "S"}${x[2] ?? x[3]}`;
    const mk = markersAfter(s, x.index + x[0].length);
    push({
      kind: "road", start: x.index, end: mk.end, name: s.slice(x.index, mk.end), stops: mk.sectionStops ?? [], code,
      stated: roadClassOfCode(code), speed: null, segment: mk.segment, work: mk.work, regionPart: mk.regionPart, port: false,
    });
  }
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
    let i = h.start;
    while (i > floor && isNameChar(s[i - 1]!) && !DELIM.test(s[i - 1]!)) i--;
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
    const headText = s.slice(h.start, mk.end);
    push({ ...base, start: nameStart, end: mk.end, name: fixOcrDashes(prefix + modifier + headText), stops, port: pp.port });
    // items before this one that share its head: 齐齐哈尔至海拉尔、海拉尔至黑山头铁路; 哈佳、…、哈牡等快速铁路; 京包、包兰铁路
    const abbrev = pp.stops.length === 0 && !pp.port && prefix.length <= 4;
    let j = nameStart;
    while (s[j - 1] === "、") {
      const f = taken.floorBefore(j - 1);
      let k = j - 1;
      while (k > f && isNameChar(s[k - 1]!) && !DELIM.test(s[k - 1]!)) k--;
      const raw = s.slice(k, j - 1);
      const c = nameStartIn(raw);
      const item = raw.slice(c);
      const itemStart = k + c;
      if (!item || taken.overlaps(itemStart, j - 1) || stageVerbs(item).length) break;
      const chain = splitStops(item);
      const ok = deng >= 0 ? item.length >= 2 && item.length <= 8 && !isGenericPrefix(item) && !endsGeneric(item)
        : chain.length >= 2 ? !hasGenericStop(chain)
        : abbrev && item.length >= 2 && item.length <= 4 && !isGenericPrefix(item) && !endsGeneric(item);
      if (!ok) break;
      const ip = parsePrefix(item + modifier, h.head);
      push({
        ...base, start: itemStart, end: j - 1, name: fixOcrDashes(item + modifier + s.slice(h.start, h.end)), stops: ip.stops, port: ip.port,
        speed: null, segment: null, work: null, regionPart: null, shared: { modifier, head: h.head },
      });
      j = itemStart;
    }
  }
  return out;
}

/** Short line names in a railway sentence: 扩能改造临哈线、集二线. */
function abbreviatedLines(s: string, taken: Taken): Mention[] {
  if (!/铁路|高铁/.test(s)) return [];
  const out: Mention[] = [];
  let segStart = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && !ITEM_END.test(s[i]!)) continue;
    const from = Math.max(segStart, i - MAX_NAME);
    segStart = i + 1;
    if (i - from < 3 || s[i - 1] === undefined) continue;
    const raw = s.slice(from, i);
    const start = from + nameStartIn(raw);
    const end = stripListTail(s, start, i);
    const item = s.slice(start, end);
    if (!/^[\u4e00-\u9fff]{2,3}线$/.test(item)) continue;
    if (ABBREV_NOT_PREFIX.has(item.slice(0, -1)) || ABBREV_NOT_PREFIX.has(item[0]!) || taken.overlaps(start, end)) continue;
    const m: Mention = { kind: "rail", start, end, name: item, stops: [], code: null, stated: null, speed: null, segment: null, work: null, regionPart: null, port: false };
    out.push(m);
    taken.mark(m);
  }
  return out;
}

/** Every line and road mention of one sentence, in text order. */
export function sentenceMentions(s: string, roadContext = false): Mention[] {
  const taken = new Taken(s.length);
  const coded = codedRoads(s, taken, roadContext);
  const named = namedLines(s, taken);
  const abbrev = abbreviatedLines(s, taken);
  return [...coded, ...named, ...abbrev].sort((a, b) => a.start - b.start);
}

/** Shared head of a coded-road list, carried to items written without one (S26纳日松至龙口 … S28乌丹至天山高速公路). */
function carryRoadHead(ms: Mention[], runItems: number[]) {
  const lastRoad = [...runItems].reverse().map((i) => ms[i]!).find((m) => m.code);
  const head = lastRoad ? /(高速公路|公路)$/.exec(lastRoad.name)?.[1] : undefined;
  if (!head) return;
  for (const i of runItems) {
    const m = ms[i]!;
    if (m.code && !ROAD_NOUN.test(m.name.slice(m.code.length))) m.name += head;
  }
}

function sectionClass<T>(block: Block, table: Array<[string, T]>): T | null {
  for (let k = block.section.length - 1; k >= 0; k--) {
    const label = block.section[k]!;
    if (/^专栏/.test(label)) break;
    const hits = table.filter(([w]) => label.includes(w));
    // a heading naming two classes (普速铁路和口岸铁路) states none
    const distinct = new Set(hits.filter(([w]) => !hits.some(([o]) => o !== w && o.includes(w))).map(([, c]) => c));
    if (distinct.size === 1) return [...distinct][0]!;
    if (distinct.size > 1) return null;
  }
  return null;
}

function lineClassOf(m: Mention, block: Block): LineClass {
  if (m.speed !== null && m.speed >= SPEED.highSpeedKmh) return "high_speed";
  if (m.stated) return m.stated as LineClass;
  if (m.port) return "port";
  if (m.speed !== null && m.speed >= SPEED.fastKmh) return "fast";
  // a plain 铁路 is conventional; only names without a head word (临哈线) take the box heading's class
  if (!/铁路|高铁/.test(m.name)) return sectionClass(block, RAIL_SECTION_CLASSES) ?? "conventional";
  return "conventional";
}

function roadClassOf(m: Mention, block: Block): RoadClass {
  if (m.stated) return m.stated as RoadClass;
  return sectionClass(block, ROAD_SECTION_CLASSES) ?? "other";
}

/** True when the words before a list govern it (a stage verb or a governing word); a bare subject does not. */
const governs = (govern: string) => stageVerbs(govern).length > 0 || GOVERN_WORDS.some((w) => govern.includes(w));

/** A sentence opening on the past (去年…, 2024年… in a plan that starts in 2025) reports results, not commitments. */
function reportsPast(s: string, doc: Doc): boolean {
  if (PAST_MARKER_RE.test(s)) return true;
  const start = doc.info.plan_year ?? doc.info.plan_period?.[0] ?? null;
  const y = /^(\d{4})年(?!前|底前|以前)/.exec(s);
  return start !== null && y !== null && Number(y[1]) < start;
}

const cache = new WeakMap<Doc, TransportItem[]>();

/** All railway and road items the document commits to, staged by their list's verbs. */
export function transportItems(doc: Doc): TransportItem[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: TransportItem[] = [];
  for (const sent of doc.sentences) {
    const block = sent.block;
    if (block.section.some((l) => REVIEW_SECTION_RE.test(l))) continue;
    if (block.heading && block.heading.label === block.text) continue;
    const s = sent.text;
    if (reportsPast(s, doc)) continue;
    const ms = sentenceMentions(s, block.section.some((l) => ROAD_CONTEXT.test(l)));
    if (!ms.length) continue;
    const runs = listRuns(s, ms);
    for (const run of runs) {
      carryRoadHead(ms, run.items);
      const govern = s.slice(run.govern.start, run.govern.end).trim();
      const tail = s.slice(run.tail.start, run.tail.end).trim();
      // 以 X 为支撑: X is a means, not a commitment
      if (MEANS_BEFORE_RE.test(govern) && MEANS_AFTER_RE.test(tail)) continue;
      // X、Y 开通运行 with nothing governing them reports a past fact
      // (nothing governs them: no stage verb and no governing word such as 加快, 确保, 争取 before them)
      // (a table row is no sentence: its columns are not a subject and a predicate)
      if (!block.cells && !governs(govern) && REPORT_VERB_RE.test(tail) && !run.inherited) continue;
      for (const i of run.items) {
        const m = ms[i]!;
        let stage = run.stage;
        if (stage === null && m.work) stage = "building";
        if (stage === null && block.box) stage = "other";
        if (stage === null) continue;
        out.push({ mention: m, stage, sentence: sent, at: sent.start + m.start, lineClass: lineClassOf(m, block), roadClass: roadClassOf(m, block) });
      }
    }
  }
  cache.set(doc, out);
  return out;
}
