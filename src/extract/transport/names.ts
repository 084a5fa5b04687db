import { mapPacked } from "../../shared/arrays.js";
import { alt } from "../../shared/lexicon.js";
import { fixOcrDashes, splitStops } from "../../shared/places.js";
import { stageVerbs } from "../../shared/stage.js";
import {
  COUNTRY_PAIR_RE, GENERIC_PREFIX_RE, GENERIC_SUFFIX_RE, GENERIC_STOPS, GOVERN_NOT_FOLLOWED_BY, GOVERN_WORDS, PLACE_SEGMENTS, PORT_MARKER_RE, SEGMENT_WORDS, WORKS, NOUN_WORKS,
} from "./vocab.js";

/**
 * The parts of a line's name: what precedes the head noun (the places or the
 * abbreviation), and the markers written after it — a section in brackets
 * (（内蒙古段）), a section named by its ends (临河至额济纳段), a speed
 * (时速250公里), a kind of work (增二线, 扩能改造工程). Markers are fields, never stops.
 */

const CJK = /[\u4e00-\u9fff]/;
/** Characters a line's name can hold before its head: CJK, brackets (包（银）海), dashes (集宁—大同). */
export const isNameChar = (c: string) => CJK.test(c) || "（）()—–－-".includes(c);
/** the longest run of isNameChar's characters closing a text */
const NAME_RUN_END = /[\u4e00-\u9fff（）()—–－-]*$/;
/**
 * Where the run of name characters ending at `end` starts, not before `floor`: the walk back over
 * isNameChar, one character and two tests at a time, as one native match. (None of the list and
 * sentence marks the walks also stopped at is a name character.) The callers' floors lie at most
 * MAX_NAME before `end`, which bounds the match's retries.
 */
export function nameRunStart(s: string, floor: number, end: number): number {
  return floor + NAME_RUN_END.exec(s.slice(floor, end))!.index;
}

/** Leading list joiners that belong to the list, not to the name. */
const LEADING_JOINER = /^(?:以及|和|及|与)/;
/** Joiners after which a name starts even mid-run (通辽与京沈高铁连接线 → 京沈高铁连接线); not 和 (呼和浩特) nor 同 (大同). */
const CUT_JOINERS = ["与", "以及", "及"];

/**
 * Where a name starts inside the text run before its head: after the last stage
 * verb, governing word (利用, 配合 …), corridor prefix (包（银）海通道) or
 * mid-run joiner. Returns an index into `left`.
 */
const CUT_WORDS = [...GOVERN_WORDS, ...CUT_JOINERS, "通道"];

/**
 * Any of CUT_WORDS: most runs before a head hold none, and then one native test answers for the
 * 55 searches of the words one by one (indexed loops: this runs mostly interpreted).
 */
const CUT_ANY = new RegExp(alt(CUT_WORDS));

export function nameStartIn(left: string): number {
  if (!left) return 0;
  let cut = 0;
  const verbs = stageVerbs(left);
  for (let k = 0; k < verbs.length; k++) cut = Math.max(cut, verbs[k]!.end);
  if (CUT_ANY.test(left)) for (let k = 0; k < CUT_WORDS.length; k++) {
    const w = CUT_WORDS[k]!;
    let i = left.lastIndexOf(w);
    const not = GOVERN_NOT_FOLLOWED_BY[w];
    while (i >= 0 && not && not.includes(left[i + w.length] ?? "\u0000")) i = i > 0 ? left.lastIndexOf(w, i - 1) : -1;
    if (i >= 0) cut = Math.max(cut, i + w.length);
  }
  const rest = left.slice(cut);
  const j = LEADING_JOINER.exec(rest);
  return cut + (j ? j[0].length : 0);
}

export interface Markers {
  /** end offset of the markers in the text */
  end: number;
  segment: string | null;
  regionPart: string | null;
  /** ends of a section named after the line (临河至额济纳段) */
  sectionStops: string[] | null;
  speed: number | null;
  work: string | null;
  /** bracketed aliases consumed with the markers (（呼包鄂城际铁路）): not part of the name */
  aliases: string[];
}

const PAREN_SEGMENT = /^[（(]([^（）()]{1,10}?)段[)）]/;
const CHAIN_SEGMENT = /^([\u4e00-\u9fff]{2,10}?至[\u4e00-\u9fff]{2,10}?)段/;
/** 内蒙古段 right after a head, closed by a list mark, a work or a verb (包银高铁内蒙古段建成通车). */
const REGION_SEGMENT = /^([\u4e00-\u9fff]{2,4}?)段(?=[^\u4e00-\u9fff]|$|[扩改提增二建开通贯投前工项等和及])/;
/** A section named by its ends and followed by its work (包茂高速公路包头至东胜改扩建工程). */
const CHAIN_BEFORE_WORK = new RegExp(`^([\\u4e00-\\u9fff]{2,10}?至[\\u4e00-\\u9fff]{2,10}?)(?=${WORKS.map((w) => w).join("|")})`);
const SPEED = /^时速(\d{2,3})公里/;
const ALIAS = /^[（(](?:简称)?[^（）()]{2,14}?(?:铁路|高铁|高速公路|高速|公路|线)[)）]/;
const NAMED_SEGMENT = new RegExp(`^[\\u4e00-\\u9fff]{1,4}?(?:${SEGMENT_WORDS.join("|")})`);
const PROJECT_NOUN = /^(?:工程|项目)/;
const BARE_WORKS = /^工程/;

/** Markers written after a head at `pos` (bounded patterns, linear). */
export function markersAfter(s: string, pos: number): Markers {
  const m: Markers = { end: pos, segment: null, regionPart: null, sectionStops: null, speed: null, work: null, aliases: [] };
  for (let guard = 0; guard < 6; guard++) {
    const rest = s.slice(m.end, m.end + 40);
    let x: RegExpExecArray | null;
    if ((x = PAREN_SEGMENT.exec(rest))) {
      // （内蒙古段） is a region's part; （惠农至银川段） a section named by its ends
      const stops = splitStops(x[1]!);
      if (stops.length >= 2) { m.segment = `${fixOcrDashes(x[1]!)}段`; m.sectionStops = stops; }
      else { m.segment = `${x[1]}段`; m.regionPart = x[1]!; }
      m.end += x[0].length; continue;
    }
    if ((x = CHAIN_SEGMENT.exec(rest))) {
      const stops = splitStops(x[1]!);
      if (stops.length >= 2) { m.segment = `${fixOcrDashes(x[1]!)}段`; m.sectionStops = stops; m.end += x[0].length; continue; }
    }
    if (!m.sectionStops && (x = CHAIN_BEFORE_WORK.exec(rest))) {
      const stops = splitStops(x[1]!);
      if (stops.length >= 2) { m.segment = fixOcrDashes(x[1]!); m.sectionStops = stops; m.end += x[0].length; continue; }
    }
    if (!m.segment && (x = REGION_SEGMENT.exec(rest)) && !WORKS.some((w) => x![1]!.startsWith(w))) {
      m.segment = `${x[1]}段`; m.regionPart = x[1]!; m.end += x[0].length; continue;
    }
    // an alias in brackets is the same line: 呼和浩特至包头至鄂尔多斯城际铁路（呼包鄂城际铁路）
    if ((x = ALIAS.exec(rest))) { m.aliases.push(x[0]); m.end += x[0].length; continue; }
    if ((x = SPEED.exec(rest))) { m.speed = Number(x[1]); m.end += x[0].length; continue; }
    const seg = SEGMENT_WORDS.find((w) => rest.startsWith(w));
    if (seg) { m.segment = m.segment ?? seg; m.end += seg.length; continue; }
    // a named branch of the line: 包银高铁银巴支线
    if (!m.segment && (x = NAMED_SEGMENT.exec(rest))) { m.segment = x[0]; m.end += x[0].length; continue; }
    const work = WORKS.find((w) => rest.startsWith(w));
    if (work) {
      const p = PROJECT_NOUN.exec(s.slice(m.end + work.length, m.end + work.length + 2));
      if (!p && !NOUN_WORKS.has(work)) { m.work = work; break; } // the sentence's verb, not part of the name
      const from = m.end;
      m.end += work.length + (p ? p[0].length : 0);
      m.work = s.slice(from, m.end);
      continue;
    }
    const p = BARE_WORKS.exec(rest);
    if (p) { m.end += p[0].length; continue; }
    break;
  }
  return m;
}

/** True when a name part ends in a category word (货运专用, 新一轮农村牧区): a class of lines. */
export function endsGeneric(prefix: string): boolean {
  return GENERIC_SUFFIX_RE.test(prefix);
}

/** True when a name part is only category words (普速, 口岸, 农村牧区, 盟市 …): a class of lines, not a line. */
export function isGenericPrefix(prefix: string): boolean {
  let t = prefix;
  for (let guard = 0; guard < 8 && t; guard++) {
    const x = GENERIC_PREFIX_RE.exec(t);
    if (!x) break;
    t = t.slice(x[0].length);
  }
  return t.length === 0;
}

/** A stop chain naming categories (口岸至腹地城市至沿海港口) names no line. */
export const hasGenericStop = (stops: readonly string[]) => stops.some((s) => GENERIC_STOPS.has(s));

export interface PrefixParse { stops: string[]; port: boolean }

/**
 * Stops from the part of a name before its head: a chain (A至B, A经B至C, A—B)
 * gives its places; a port line (甘其毛都口岸跨境铁路) its one place; an
 * abbreviation (包银, 滨洲) none.
 */
export function parsePrefix(prefix: string, head: string): PrefixParse {
  const chain = splitStops(prefix);
  const portHead = /跨境|口岸/.test(head);
  const portMark = PORT_MARKER_RE.exec(prefix);
  // a port named as a stop is its place: 甘其毛都口岸至塔本陶勒盖跨境铁路 → 甘其毛都
  if (chain.length >= 2) {
    // packed (shared/arrays.ts): the readers of the stops (namedLines) deoptimized at a holey chain.map
    return { stops: mapPacked(chain, (x) => (x.length > 3 ? x.replace(/口岸$/, "") : x)), port: portHead || !!portMark };
  }
  if (portHead || portMark) {
    const place = (portMark ? prefix.slice(0, portMark.index) : prefix).replace(COUNTRY_PAIR_RE, "");
    return { stops: place.length >= 2 ? [place] : [], port: true };
  }
  return { stops: [], port: false };
}

/** Stops of a coded road's body after its route name: `荣乌高速公路联络线乌海至石嘴山` → 乌海, 石嘴山; `临河过境段` → 临河. */
const ROUTE_NAME = /^[^至、，—\d]{2,6}?(?:高速公路|高速)(?:联络线)?/;
/** A bracketed section closing a coded road's body: （内蒙古段）, （惠农至银川段）. */
const PAREN_SEGMENT_END = /[（(]([^（）()]{1,10})段[)）]$/;
const ROAD_TAIL = /(?:高速公路|公路|工程|段)$/;
/** The last road head inside a coded road's body: the one ending last, the longest at that end (高速公路 over 公路). */
function lastRoadHead(t: string): { index: number; text: string } | null {
  let best: { index: number; text: string } | null = null;
  for (const h of ["高速公路", "公路", "高速"]) {
    const i = t.lastIndexOf(h);
    if (i < 0) continue;
    const end = i + h.length, bestEnd = best ? best.index + best.text.length : -1;
    if (end > bestEnd || (end === bestEnd && h.length > best!.text.length)) best = { index: i, text: h };
  }
  return best;
}

export interface RoadBody { stops: string[]; segment: string | null; work: string | null; regionPart: string | null }

export function parseRoadBody(body: string): RoadBody {
  // G110线呼和浩特至包头段: the 线 belongs to the code
  let t = fixOcrDashes(body).replace(/^线/, "");
  let segment: string | null = null;
  let work: string | null = null;
  const route = ROUTE_NAME.exec(t);
  if (route && t.length > route[0].length) {
    if (route[0].endsWith("联络线")) segment = "联络线";
    t = t.slice(route[0].length);
  }
  // a section in brackets after the road's name: G1013海拉尔至张家口高速公路（内蒙古段）
  const paren = PAREN_SEGMENT_END.exec(t);
  if (paren) {
    const inner = splitStops(paren[1]!);
    const own = parseRoadBody(t.slice(0, paren.index));
    if (inner.length >= 2) return { stops: inner, segment: `${paren[1]}段`, work: own.work, regionPart: null };
    return { stops: own.stops, segment: `${paren[1]}段`, work: own.work, regionPart: paren[1]! };
  }
  // a section after the road's own name: 乌海至玛沁高速公路内蒙古段, 集宁至阿荣旗高速公路经棚至锡林浩特段
  const head = lastRoadHead(t);
  if (head && head.index > 0 && t.endsWith("段") && t.length > head.index + head.text.length + 1) {
    const sec = t.slice(head.index + head.text.length);
    const chain = splitStops(sec.slice(0, -1));
    if (chain.length >= 2) return { stops: chain, segment: sec, work, regionPart: null };
    const before = splitStops(t.slice(0, head.index));
    return { stops: before.length >= 2 ? before : [], segment: sec, work, regionPart: sec.slice(0, -1) };
  }
  const place = PLACE_SEGMENTS.find((w) => t.endsWith(w));
  if (place) {
    const p = t.slice(0, -place.length);
    return { stops: p.length >= 2 ? splitStops(p) : [], segment: place, work, regionPart: null };
  }
  for (let guard = 0; guard < 4; guard++) {
    const w = WORKS.find((x) => t.endsWith(x) || t.endsWith(`${x}工程`) || t.endsWith(`${x}项目`));
    if (w) { const i = t.lastIndexOf(w); work = t.slice(i); t = t.slice(0, i); continue; }
    const x = ROAD_TAIL.exec(t);
    if (x) { t = t.slice(0, x.index); continue; }
    break;
  }
  const stops = splitStops(t);
  return { stops: stops.length >= 2 ? stops : [], segment, work, regionPart: null };
}
