import data from "../data/divisions.json" with { type: "json" };
import base from "../data/regions.json" with { type: "json" };
import { OVERLAYS, overlaysFor, type GovLevel } from "./overlays.js";
import { alt } from "./lexicon.js";
import { charClass, type CharClass } from "./char-class.js";

/**
 * China's administrative divisions (src/data/divisions.json: GB/T 2260 codes,
 * derived from a maintained package by scripts/gen-divisions.mjs) with the
 * national base of short forms (src/data/regions.json) and the region
 * overlays' extra places, in one trie built once on first use.
 *
 * Names are known in three forms:
 * - full, as the code list writes them (大连市, 甘井子区, 阿拉善盟);
 * - short, without the suffix (大连, 甘井子, 阿拉善; 内蒙古 and 广西 from regions.json);
 * - extra, an overlay's place that is no division (甘其毛都, 库布其, 锡盟).
 *
 * In running text (scanPlaces) a short form counts only where it cannot be
 * an everyday word: province and prefecture short forms except the listed
 * common words (朝阳产业, 大理石), county short forms of three or more
 * characters, and two-character county short forms only right after their
 * city (大连金州). Full names whose stem is one character (义县, 城区) are
 * read only at the head of a title or issuer and by exact lookup.
 *
 * API for the extractors:
 * - scanPlaces(text, opts): every place named in a text, one linear pass;
 * - resolvePlace(mention, opts): the one division a mention stands for, or null;
 * - lookupPlace(name, opts) / isPlaceName(name, opts): a whole name (a stop, a location);
 * - leadingDivision(head, context): the division heading a title or an issuer;
 * - regionName, regionCode, levelOf, divisionByCode, isWithin.
 * `opts.region` is the document's region code: it picks its overlay and
 * breaks ties between same-named divisions (朝阳区 of Beijing or Changchun).
 */

export type DivisionKind = "province" | "city" | "district";

export interface Division {
  code: string;
  /** full name as the code list writes it: 甘井子区 */
  name: string;
  /** province, prefecture (city) or county (district) level, from the code */
  kind: DivisionKind;
  /** the division above (a district's city, a city's province), null for a province */
  parent: string | null;
}

/** One reading of a name. */
export interface Place {
  /** the division the name stands for; null for a place that is no division (a port, a desert, 蒙西) */
  division: Division | null;
  form: "full" | "short" | "extra";
  /** the name as written */
  name: string;
  /** code of the overlay region an extra place belongs to, else null */
  overlay: string | null;
}

/** A place named in a text: [start, end) and every reading of the name. */
export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  places: Place[];
  /** the division named right before, touching this one (大连市 in 大连市甘井子区): it resolves the name inside it */
  after: Division | null;
}

export interface PlaceOptions {
  /** the document's region code: picks its overlay and breaks ties */
  region?: string | null;
  /** "all": places of every overlay, whatever the region (a national document about several regions) */
  overlays?: "region" | "all";
}

const CODES = new Map<string, Division>();
const kindOf = (code: string): DivisionKind => (code.endsWith("0000") ? "province" : code.endsWith("00") ? "city" : "district");

for (const [code, name] of data.divisions as Array<[string, string]>) addDivision(code, name);
for (const [code, name] of base.provinces as Array<[string, string, string]>) if (!CODES.has(code)) addDivision(code, name);
// a district of a municipality (北京市东城区) or a county a province governs directly (济源市) hangs from the province
for (const d of CODES.values()) if (d.parent && !CODES.has(d.parent)) d.parent = d.kind === "district" ? `${d.code.slice(0, 2)}0000` : null;

function addDivision(code: string, name: string): void {
  const kind = kindOf(code);
  const parent = kind === "district" ? `${code.slice(0, 4)}00` : kind === "city" ? `${code.slice(0, 2)}0000` : null;
  CODES.set(code, { code, name, kind, parent });
}

/** The division with this code, or undefined. */
export const divisionByCode = (code: string): Division | undefined => CODES.get(code);

/** True when d is `code` or lies inside it (a district inside its city or province). */
export function isWithin(d: Division, code: string): boolean {
  for (let c: string | null = d.code; c; c = CODES.get(c)?.parent ?? null) if (c === code) return true;
  return false;
}

/** The full path of a division as documents write it: 辽宁省, 大连市, 大连市甘井子区. */
export function regionName(d: Division): string {
  if (d.kind !== "district" || !d.parent) return d.name;
  const p = CODES.get(d.parent)!;
  return p.kind === "province" && !/市$/.test(p.name) ? d.name : p.name + d.name;
}

/** Policy level of a government of this division (CONTRACT.md: 省/自治区/直辖市, 市/盟/州/地区, 县/区/旗/县级市). */
export function levelOf(d: Division): GovLevel {
  return d.kind === "province" ? "region" : d.kind === "city" ? "city" : "district";
}

// ---- names -------------------------------------------------------------

const SUFFIX_RE = new RegExp(`(?:${alt(base.suffixes)})$`);
const ETHNIC_MULTI = base.ethnicGroups.filter((e) => e.length > 1);
const ETHNIC_SINGLE = base.ethnicGroups.filter((e) => e.length === 1);
const ETHNIC_TAIL = new RegExp(`(?:(?:${ETHNIC_MULTI.join("|")})族?|(?:${ETHNIC_SINGLE.join("|")})族)$`);
const COMMON_WORDS = new Set<string>(base.commonWords);
const PROVINCE_SHORT = new Map<string, string>((base.provinces as Array<[string, string, string]>).map(([code, , short]) => [code, short]));

/** A division's name without its suffix: 大连市 → 大连, 大理白族自治州 → 大理, 鄂温克族自治旗 → 鄂温克. */
export function stemOf(name: string): string {
  const suffix = SUFFIX_RE.exec(name);
  if (!suffix) return name;
  let stem = name.slice(0, suffix.index);
  if (suffix[0].startsWith("自治")) {
    // strip the peoples named before 自治X, but never the whole name (鄂伦春自治旗 stays 鄂伦春)
    for (let m = ETHNIC_TAIL.exec(stem); m && m.index >= 2; m = ETHNIC_TAIL.exec(stem)) stem = stem.slice(0, m.index);
    stem = stem.replace(/族$/, "");
  }
  return stem;
}

/**
 * Where a reading counts: anywhere in text; only right after its parent (金州 in
 * 大连金州); at the head of a title or issuer too (义县人民政府); only by exact
 * lookup of a whole name (朝阳, an everyday word).
 */
const enum Use { Text, AfterParent, Head, Lookup }

interface Reading extends Place { use: Use }

/**
 * The trie as flat tables: node 0 is the root; the edge from node n by the
 * UTF-16 unit c is EDGES.get(n * 65536 + c) (one Map with number keys builds
 * and walks several times faster than a Map per node); READINGS[n] are the
 * names ending at n.
 */
let EDGES: Map<number, number> | null = null;
/**
 * The characters a name starts with: most positions of a text start none, and
 * scanPlaces passes them with one table lookup instead of a trie step and a
 * closure (scanPlaces over c6 x40, inclusive: 171 -> 96 ms).
 */
let FIRST: CharClass | null = null;
const READINGS: Array<Reading[] | null> = [null];
/** every name that counts in running text, with its reading */
const TEXT_NAMES: Reading[] = [];

function trie(): Map<number, number> {
  if (EDGES) return EDGES;
  const edges = new Map<number, number>();
  const add = (name: string, r: Reading) => {
    if (r.use === Use.Text) TEXT_NAMES.push(r);
    let n = 0;
    for (let k = 0; k < name.length; k++) {
      const key = n * 65536 + name.charCodeAt(k);
      let next = edges.get(key);
      if (next === undefined) {
        next = READINGS.length;
        READINGS.push(null);
        edges.set(key, next);
      }
      n = next;
    }
    (READINGS[n] ??= []).push(r);
  };
  for (const d of CODES.values()) {
    const stem = stemOf(d.name);
    add(d.name, { division: d, form: "full", name: d.name, overlay: null, use: stem.length >= 2 ? Use.Text : Use.Head });
    const short = d.kind === "province" ? PROVINCE_SHORT.get(d.code) ?? stem : stem;
    if (short.length < 2 || short === d.name) continue;
    const use = COMMON_WORDS.has(short) ? Use.Lookup
      : d.kind !== "district" || short.length >= 3 ? Use.Text
      : Use.AfterParent;
    add(short, { division: d, form: "short", name: short, overlay: null, use });
  }
  for (const o of OVERLAYS) {
    for (const [name, code] of o.places) add(name, { division: code ? CODES.get(code) ?? null : null, form: "extra", name, overlay: o.code, use: Use.Text });
  }
  let firsts = "";
  for (const key of edges.keys()) if (key < 65536) firsts += String.fromCharCode(key);
  FIRST = charClass(firsts);
  return (EDGES = edges);
}

function overlayAllowed(r: Reading, opts: PlaceOptions): boolean {
  if (r.overlay === null || opts.overlays === "all") return true;
  return overlaysFor(opts.region).some((o) => o.code === r.overlay);
}

/** The readings of the longest name starting at `at` that `accept` keeps, with its length. */
function longestAt(text: string, at: number, accept: (r: Reading) => boolean): { len: number; readings: Reading[] } | null {
  const edges = trie();
  let n = 0;
  let best: { len: number; readings: Reading[] } | null = null;
  for (let i = at; i < text.length; i++) {
    const next = edges.get(n * 65536 + text.charCodeAt(i));
    if (next === undefined) break;
    n = next;
    const here = READINGS[n];
    if (here) {
      const kept = here.filter(accept);
      if (kept.length) best = { len: i + 1 - at, readings: kept };
    }
  }
  return best;
}

const strip = (r: Reading): Place => ({ division: r.division, form: r.form, name: r.name, overlay: r.overlay });

/**
 * Every place named in a text, left to right, longest name first, in one pass
 * (a trie walk from each position, bounded by the longest name). A two-character
 * county short form counts right after its city (大连金州); 大连市甘井子区 gives
 * two mentions, the second resolving inside the first.
 */
export function scanPlaces(text: string, opts: PlaceOptions = {}): PlaceMention[] {
  const out: PlaceMention[] = [];
  let prev: Division | null = null;
  let prevEnd = -1;
  let after: Division | null = null;
  // one test for every position (it reads `after`), not a closure made per position
  const accept = (r: Reading) => overlayAllowed(r, opts) && (r.use === Use.Text || (r.use === Use.AfterParent && !!after && !!r.division && isWithin(r.division, after.code)));
  trie();
  for (let i = 0; i < text.length; ) {
    if (!FIRST!.has(text.charCodeAt(i))) { i++; continue; }
    after = prevEnd === i ? prev : null;
    const hit = longestAt(text, i, accept);
    if (!hit) { i++; continue; }
    const m: PlaceMention = { start: i, end: i + hit.len, text: text.slice(i, i + hit.len), places: hit.readings.map(strip), after };
    out.push(m);
    prev = resolvePlace(m, opts);
    prevEnd = m.end;
    i = m.end;
  }
  return out;
}

/**
 * The one division a mention stands for, or null when it names none or stays
 * ambiguous: inside the division named just before it (m.after), else the only
 * one, else a province over a city of the same short name (吉林), else the one
 * inside the document's region, else the full name over a short form.
 */
export function resolvePlace(m: PlaceMention, opts: PlaceOptions = {}): Division | null {
  let cands = m.places.filter((p): p is Place & { division: Division } => !!p.division);
  if (!cands.length) return null;
  const narrow = (keep: (p: Place & { division: Division }) => boolean) => {
    const k = cands.filter(keep);
    if (k.length) cands = k;
  };
  const after = m.after;
  if (after) narrow((p) => p.division.code !== after.code && isWithin(p.division, after.code));
  if (cands.length > 1) narrow((p) => p.division.kind === "province");
  if (cands.length > 1 && opts.region) narrow((p) => isWithin(p.division, opts.region!));
  if (cands.length > 1) narrow((p) => p.form === "full");
  const codes = new Set(cands.map((p) => p.division.code));
  return codes.size === 1 ? cands[0]!.division : null;
}

/** Every reading of a whole name (a stop, a location): 大连, 甘井子, 义县, 甘其毛都 (in its region). */
export function lookupPlace(name: string, opts: PlaceOptions = {}): Place[] {
  const hit = longestAt(name, 0, (r) => overlayAllowed(r, opts));
  return hit && hit.len === name.length ? hit.readings.map(strip) : [];
}

/** The names that count in running text and contain `part` (和 → 呼和浩特, 和林格尔县, 乌兰布和 …), overlay places included per `opts`. */
export function textNamesContaining(part: string, opts: PlaceOptions = { overlays: "all" }): string[] {
  trie();
  return [...new Set(TEXT_NAMES.filter((r) => r.name.includes(part) && overlayAllowed(r, opts)).map((r) => r.name))].sort();
}

/** True when the whole string is a place name (full, short, or an extra of the region's overlay). */
export const isPlaceName = (name: string, opts: PlaceOptions = {}): boolean => lookupPlace(name, opts).length > 0;

/**
 * The division named at the head of a title or an issuer: a chain of names
 * (辽宁省大连市甘井子区, 大连甘井子区, 中共大连市委) ends at the lowest; a lone
 * name must be unambiguous, or made so by `context` (the body naming the
 * parent city). Null when the head names no division.
 */
export function leadingDivision(head: string, context = ""): Division | null {
  const s = head.replace(/\s+/g, "").replace(/^中共/, "");
  let at = 0;
  let found: Division | null = null;
  for (;;) {
    const hit = longestAt(s, at, (r) => !!r.division && r.overlay === null && r.use !== Use.Lookup && (r.use !== Use.AfterParent || !!found));
    if (!hit) break;
    const cands = hit.readings.map((r) => r.division!);
    let pick: Division | undefined;
    if (found) pick = cands.find((d) => d.code !== found!.code && isWithin(d, found!.code));
    else if (new Set(cands.map((d) => d.code)).size === 1) pick = cands[0];
    else pick = cands.find((d) => d.kind === "province") ?? cands.find((d) => d.parent && mentions(context, CODES.get(d.parent)));
    if (!pick) break;
    found = pick;
    at += hit.len;
  }
  return found;
}

const mentions = (text: string, d: Division | undefined) => !!d && (text.includes(d.name) || text.includes(stemOf(d.name)) && stemOf(d.name).length >= 2);

/** The code of a region as a document's `region` writes it (辽宁省, 大连市甘井子区, 内蒙古自治区), or null. */
export function regionCode(region: string): string | null {
  if (!region) return null;
  const d = leadingDivision(region);
  return d && (regionName(d) === region || d.name === region) ? d.code : null;
}
