import { mapPacked } from "./arrays.js";
import { readFileSync } from "node:fs";
import base from "../data/regions.json" with { type: "json" };
import { OVERLAYS, overlaysFor, type GovLevel } from "./overlays.js";
import { alt } from "./lexicon.js";
import { builtTable } from "./built-tables.js";
import { charClass, codeAt, nextOf, type CharClass } from "./char-class.js";

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

/** the divisions known so far by code: every one when derived here, those looked up when read from the table */
const CODES = new Map<string, Division>();
/** the divisions by their place in the code list, made on first use when read from the table */
const LISTED: Array<Division | undefined> = [];
const kindOf = (code: string): DivisionKind => (code.endsWith("0000") ? "province" : code.endsWith("00") ? "city" : "district");

/**
 * The divisions and the trie as `npm run build` wrote them (shared/built-tables.ts:
 * dist/generated/gazetteer.bin, binary: its numbers are read in place), or null: deriving them from the data at every start
 * cost 30-40 ms a process (a name's stem is read by a regular expression, and the
 * trie is built a character at a time, before V8 has compiled any of it). The table
 * is what gazetteerTable() derives; it is used only when written after this module
 * was compiled, so a module compiled since (a bare `tsc`) derives its own.
 */
const BUILT = builtTable<GazetteerTable>(import.meta.url, "gazetteer.bin");
/** the table's separator of names, its numbers per reading, and its codes of a reading's form */
const SEP = "|";
const READING_FIELDS = 4;
const FORMS: ReadonlyArray<Place["form"]> = ["full", "short", "extra"];

if (!BUILT) for (const d of derivedDivisions()) { CODES.set(d.code, d); LISTED.push(d); }

/**
 * The code list of src/data/divisions.json, read when a table is derived from it (by the
 * build, or where the build's tables are missing or stale): a process that reads the tables
 * never needs it. Imported as a module it was made at every start, a literal of 3500 arrays
 * (4 ms, and its bytecode a tenth of the bundle's code cache). The file is found from this
 * module's folder, src/shared/ or dist/shared/ alike.
 */
export function divisionList(): Array<[string, string]> {
  const file = new URL("../../src/data/divisions.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { divisions: Array<[string, string]> }).divisions;
}

/** The divisions of the code list (src/data/divisions.json), then the provinces it lacks (regions.json), each with its parent. */
function derivedDivisions(): Division[] {
  const byCode = new Map<string, Division>();
  const add = (code: string, name: string) => {
    const kind = kindOf(code);
    const parent = kind === "district" ? `${code.slice(0, 4)}00` : kind === "city" ? `${code.slice(0, 2)}0000` : null;
    byCode.set(code, { code, name, kind, parent });
  };
  for (const [code, name] of divisionList()) add(code, name);
  for (const [code, name] of base.provinces as Array<[string, string, string]>) if (!byCode.has(code)) add(code, name);
  // a district of a municipality (北京市东城区) or a county a province governs directly (济源市) hangs from the province
  for (const d of byCode.values()) if (d.parent && !byCode.has(d.parent)) d.parent = d.kind === "district" ? `${d.code.slice(0, 2)}0000` : null;
  return [...byCode.values()];
}

let TABLE_NAMES: string[] | null = null;

/** The i-th division of the code list (from the table, made on first use). */
function divisionAt(i: number): Division {
  const known = LISTED[i];
  if (known) return known;
  const t = BUILT!;
  const code = t.codes.slice(6 * i, 6 * i + 6);
  const parent = t.parentCodes[i]!;
  TABLE_NAMES ??= t.names.split(SEP);
  const d: Division = { code, name: TABLE_NAMES[i]!, kind: kindOf(code), parent: parent ? String(parent).padStart(6, "0") : null };
  LISTED[i] = d;
  CODES.set(code, d);
  return d;
}

/** The division with this code: known, or found in the table's codes (a native search; each code sits at a multiple of 6). */
function division(code: string): Division | undefined {
  const known = CODES.get(code);
  if (known || !BUILT || code.length !== 6) return known;
  for (let at = BUILT.codes.indexOf(code); at >= 0; at = BUILT.codes.indexOf(code, at + 1)) if (at % 6 === 0) return divisionAt(at / 6);
  return undefined;
}

/** True when this module read the build's table; false when it derived the gazetteer itself (no table, or a stale one). */
export const gazetteerFromTable = (): boolean => BUILT !== null;

/** The division with this code, or undefined. */
export const divisionByCode = (code: string): Division | undefined => division(code);

/** True when d is `code` or lies inside it (a district inside its city or province). */
export function isWithin(d: Division, code: string): boolean {
  for (let c: string | null = d.code; c; c = division(c)?.parent ?? null) if (c === code) return true;
  return false;
}

/** The full path of a division as documents write it: 辽宁省, 大连市, 大连市甘井子区. */
export function regionName(d: Division): string {
  if (d.kind !== "district" || !d.parent) return d.name;
  const p = division(d.parent)!;
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
 * The trie, in the layout the build writes (GazetteerTable): node 0 is the root,
 * nodes are numbered breadth first, so a node's children are the nodes
 * KIDS[n] + 1 .. KIDS[n + 1] and node k's character is CHARS[k - 1]. The root's
 * children, a few thousand, are found by one lookup in ROOT; a deeper node has a
 * handful, compared in turn. Nothing of this is built at start but ROOT: the
 * table is read as it is (making a Map of every edge and an object of every
 * reading took about 20 ms of each process, before V8 had compiled any of it).
 */
interface Trie {
  kids: ArrayLike<number>;
  chars: string;
  root: Int32Array;
  /** the readings of node n are readings[READING_FIELDS * i] for i in first[n] .. first[n + 1] - 1 */
  first: ArrayLike<number>;
  readings: ArrayLike<number>;
  /** the readings' names end to end (GazetteerTable.readingNames) and where each ends: a name is sliced when its reading is made */
  names: string;
  nameEnds: ArrayLike<number>;
  /** each node's readings as objects, made when the node is first reached (undefined: not yet; null: none) */
  made: Array<Reading[] | null | undefined>;
}

let TRIE: Trie | null = null;
/**
 * The characters a name starts with: most positions of a text start none, and
 * scanPlaces passes them with one table lookup instead of a trie step and a
 * closure (scanPlaces over c6 x40, inclusive: 171 -> 96 ms).
 */
let FIRST: CharClass | null = null;
/**
 * The same characters as one class of a global pattern, followed by a character some
 * name has second (every name has two at least): scanPlaces finds the next position a
 * name can start at by a native search, where a table lookup per position ran
 * interpreted on a cold start (a body's opening is read whole). A third of Chinese
 * text's characters start some name, but few of them are followed by a second: the
 * lookahead passes less than half as many positions (seeds' openings: 24 170 -> 10 442),
 * and scanPlaces tests the pair itself before it walks the trie (1 222 are a name's).
 */
let FIRST_ANY: RegExp | null = null;

/**
 * The divisions and the trie as a few long strings and arrays of numbers, made once by
 * `npm run build` (scripts/gen-tables.mjs, as a binary table: built-tables.ts): a string
 * per name (40 000 of them) took longer to read than deriving the trie. Derived here, the
 * numbers are arrays; read from the build's table, typed arrays over its bytes.
 * A node's readings keep the order they were added in (a mention's places, and so
 * its resolution, follow it).
 */
export interface GazetteerTable {
  /** the divisions in the order of the code list: 6-digit codes end to end, names joined by SEP, parents (0: none) */
  codes: string;
  names: string;
  parentCodes: ArrayLike<number>;
  /** the trie breadth first (Trie): children of node n at KIDS[n] + 1 .. KIDS[n + 1], character of node k at chars[k - 1] */
  kids: ArrayLike<number>;
  chars: string;
  /** node n's readings are readings i in first[n] .. first[n + 1] - 1 */
  first: ArrayLike<number>;
  /** per reading, READING_FIELDS numbers: division (index + 1, 0: none), form, overlay (index + 1, 0: none), use */
  readings: ArrayLike<number>;
  /** the readings' names joined by SEP, and where each ends in it */
  readingNames: string;
  nameEnds: ArrayLike<number>;
  /**
   * FIRST_ANY's source: a class of the characters names start with, and a lookahead class of the
   * characters they have second. Made at build time: sorting and writing the two classes (930 and
   * 3 047 characters) ran interpreted at every start, about 8 M instructions a process.
   */
  firstAny: string;
}

/** The divisions and the trie derived from the data (src/data/divisions.json, regions.json, the overlays). */
export function gazetteerTable(): GazetteerTable {
  // the trie as it is made: node ids in order of making, each node's children and readings in order of adding
  const children: Array<Map<string, number>> = [new Map()];
  const added: Array<Array<{ name: string; fields: number[] }>> = [[]];
  const divisions = derivedDivisions();
  const index = new Map(divisions.map((d, i) => [d.code, i]));
  const add = (name: string, division: Division | null, form: Place["form"], overlay: number, use: Use) => {
    let n = 0;
    for (const ch of name.split("")) {
      let next = children[n]!.get(ch);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        added.push([]);
        children[n]!.set(ch, next);
      }
      n = next;
    }
    added[n]!.push({ name, fields: [division ? index.get(division.code)! + 1 : 0, FORMS.indexOf(form), overlay + 1, use] });
  };
  for (const d of divisions) {
    const stem = stemOf(d.name);
    add(d.name, d, "full", -1, stem.length >= 2 ? Use.Text : Use.Head);
    const short = d.kind === "province" ? PROVINCE_SHORT.get(d.code) ?? stem : stem;
    if (short.length < 2 || short === d.name) continue;
    const use = COMMON_WORDS.has(short) ? Use.Lookup
      : d.kind !== "district" || short.length >= 3 ? Use.Text
      : Use.AfterParent;
    add(short, d, "short", -1, use);
  }
  OVERLAYS.forEach((o, i) => {
    for (const [name, code] of o.places) add(name, code && index.has(code) ? divisions[index.get(code)!]! : null, "extra", i, Use.Text);
  });
  // breadth first: the queue is the new numbering, and a node's children follow one another in it
  const order = [0];
  const kids: number[] = [];
  let chars = "";
  for (let q = 0; q < order.length; q++) {
    kids.push(order.length - 1);
    for (const [ch, next] of children[order[q]!]!) { order.push(next); chars += ch; }
  }
  kids.push(order.length - 1);
  const first: number[] = [];
  const readings: number[] = [];
  const names: string[] = [];
  for (const n of order) {
    first.push(names.length);
    for (const r of added[n]!) { for (const f of r.fields) readings.push(f); names.push(r.name); }
  }
  first.push(names.length);
  if (divisions.some((d) => d.name.includes(SEP)) || names.some((n) => n.includes(SEP))) throw new Error(`a place name holds ${SEP}`);
  const nameEnds: number[] = [];
  names.reduce((at, n) => { nameEnds.push(at + n.length); return at + n.length + SEP.length; }, 0);
  // the root's children are chars[kids[0]] .. chars[kids[1] - 1]; their children come one after another (breadth first)
  const firsts = chars.slice(kids[0], kids[1]);
  const seconds = chars.slice(kids[kids[0]! + 1], kids[kids[1]! + 1]);
  return {
    codes: divisions.map((d) => d.code).join(""),
    names: divisions.map((d) => d.name).join(SEP),
    parentCodes: divisions.map((d) => (d.parent ? Number(d.parent) : 0)),
    kids,
    chars,
    first,
    readings,
    readingNames: names.join(SEP),
    nameEnds,
    firstAny: `${classOf(firsts)}(?=${classOf(seconds)})`,
  };
}

/**
 * A pattern's class of the code units of `chars`, in increasing order and runs of
 * consecutive ones as ranges. V8 puts a class's ranges in order by inserting each in
 * turn, in time quadratic in an unordered class of thousands: the two of FIRST_ANY
 * (930 and 3 047 characters) took 28 M instructions of a cold pass over the seeds.
 */
function classOf(chars: string): string {
  const codes = new Uint16Array(chars.length);
  for (let i = 0; i < chars.length; i++) codes[i] = chars.charCodeAt(i);
  codes.sort();
  const unit = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
  let out = "";
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1]! - codes[j]! <= 1) j++;
    out += codes[j] === codes[i] ? unit(codes[i]!) : `${unit(codes[i]!)}-${unit(codes[j]!)}`;
    i = j + 1;
  }
  return `[${out}]`;
}

function trie(): Trie {
  if (TRIE) return TRIE;
  const t = BUILT ?? gazetteerTable();
  const root = new Int32Array(65536);
  for (let k = t.kids[0]! + 1; k <= t.kids[1]!; k++) root[t.chars.charCodeAt(k - 1)] = k;
  FIRST = charClass(t.chars.slice(t.kids[0], t.kids[1]));
  FIRST_ANY = new RegExp(t.firstAny, "g");
  // the names stay one string: splitting it into 6 000 strings was 4 M instructions of every start
  return (TRIE = { kids: t.kids, chars: t.chars, root, first: t.first, readings: t.readings, names: t.readingNames, nameEnds: t.nameEnds, made: [] });
}

/** Node n's child by the UTF-16 unit c, or 0. */
function childOf(t: Trie, n: number, c: number): number {
  if (n === 0) return t.root[c]!;
  for (let k = t.kids[n]! + 1, end = t.kids[n + 1]!; k <= end; k++) if (t.chars.charCodeAt(k - 1) === c) return k;
  return 0;
}

/** The readings of the names ending at node n, or null. */
function readingsAt(t: Trie, n: number): Reading[] | null {
  const known = t.made[n];
  if (known !== undefined) return known;
  let out: Reading[] | null = null;
  for (let i = t.first[n]!, end = t.first[n + 1]!; i < end; i++) (out ??= []).push(readingOf(t, i));
  return (t.made[n] = out);
}

/** Reading i of the table as an object. */
function readingOf(t: Trie, i: number): Reading {
  const f = READING_FIELDS * i;
  const d = t.readings[f]!, o = t.readings[f + 2]!;
  const name = t.names.slice(i ? t.nameEnds[i - 1]! + SEP.length : 0, t.nameEnds[i]!);
  return { division: d ? divisionAt(d - 1) : null, form: FORMS[t.readings[f + 1]!]!, name, overlay: o ? OVERLAYS[o - 1]!.code : null, use: t.readings[f + 3] as Use };
}

function overlayAllowed(r: Reading, opts: PlaceOptions): boolean {
  if (r.overlay === null || opts.overlays === "all") return true;
  return overlaysFor(opts.region).some((o) => o.code === r.overlay);
}

/** The readings of the longest name starting at `at` that `accept` keeps, with its length. */
function longestAt(text: string, at: number, accept: (r: Reading) => boolean): { len: number; readings: Reading[] } | null {
  const t = trie();
  let n = 0;
  let best: { len: number; readings: Reading[] } | null = null;
  for (let i = at; i < text.length; i++) {
    n = childOf(t, n, text.charCodeAt(i));
    if (n === 0) break;
    const here = readingsAt(t, n);
    if (here) {
      const kept = here.filter(accept);
      if (kept.length) best = { len: i + 1 - at, readings: kept };
    }
  }
  return best;
}

const strip = (r: Reading): Place => ({ division: r.division, form: r.form, name: r.name, overlay: r.overlay });
/** A mention's places, packed (shared/arrays.ts): resolvePlace deoptimized at a holey readings.map(strip). */
const placesOf = (readings: readonly Reading[]): Place[] => mapPacked(readings, strip);

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
  const t = trie();
  for (let i = nextOf(FIRST_ANY!, text, 0); i >= 0; ) {
    // the two characters start no name (the pattern's lookahead reads i + 1): no walk, no test of readings
    if (childOf(t, t.root[text.charCodeAt(i)]!, text.charCodeAt(i + 1)) === 0) { i = nextOf(FIRST_ANY!, text, i + 1); continue; }
    after = prevEnd === i ? prev : null;
    const hit = longestAt(text, i, accept);
    if (!hit) { i = nextOf(FIRST_ANY!, text, i + 1); continue; }
    const m: PlaceMention = { start: i, end: i + hit.len, text: text.slice(i, i + hit.len), places: placesOf(hit.readings), after };
    out.push(m);
    prev = resolvePlace(m, opts);
    prevEnd = m.end;
    i = nextOf(FIRST_ANY!, text, m.end);
  }
  return out;
}

/**
 * The place a text opens with: what scanPlaces gives first when that starts at 0
 * (no name is read before it, so no county short form counts there), or null.
 * One trie walk, where scanPlaces reads the whole text.
 */
export function placeAtStart(text: string, opts: PlaceOptions = {}): PlaceMention | null {
  trie();
  // (an empty text, a clause that was all lead-in, is not read at 0: out of bounds deoptimizes the compiled caller)
  if (!FIRST!.has(codeAt(text, 0))) return null;
  const hit = longestAt(text, 0, (r) => r.use === Use.Text && overlayAllowed(r, opts));
  return hit ? { start: 0, end: hit.len, text: text.slice(0, hit.len), places: placesOf(hit.readings), after: null } : null;
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
  return hit && hit.len === name.length ? placesOf(hit.readings) : [];
}

/** The reading whose name holds (or, at a separator, ends just before) offset `at` of the names: the first ending at or after it. */
function nameAt(t: Trie, at: number): number {
  let lo = 0, hi = t.nameEnds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.nameEnds[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The names that count in running text and contain `part` (和 → 呼和浩特, 和林格尔县, 乌兰布和 …), overlay places included per `opts`. */
export function textNamesContaining(part: string, opts: PlaceOptions = { overlays: "all" }): string[] {
  const t = trie();
  const names = new Set<string>();
  // one native search of all the names, not a test of each (6 000, interpreted at start: projects' list joints call it)
  // (an empty part is found at every offset, the end too, where the next search would find the end again)
  for (let at = t.names.indexOf(part); at >= 0; at = at < t.names.length ? t.names.indexOf(part, at + 1) : -1) {
    const i = nameAt(t, at);
    if (at + part.length > t.nameEnds[i]!) continue; // across a separator: in no one name
    const r = readingOf(t, i);
    if (r.use === Use.Text && overlayAllowed(r, opts)) names.add(r.name);
  }
  return [...names].sort();
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
    else pick = cands.find((d) => d.kind === "province") ?? cands.find((d) => d.parent && mentions(context, division(d.parent)));
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
