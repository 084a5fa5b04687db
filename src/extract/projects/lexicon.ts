import heads from "../../data/project-heads.json" with { type: "json" };
import places from "../../data/project-places.json" with { type: "json" };
import rules from "../../data/project-rules.json" with { type: "json" };
import sectors from "../../data/project-sectors.json" with { type: "json" };
import stages from "../../data/stages.json" with { type: "json" };
import { alt } from "../../shared/lexicon.js";
import { builtTable } from "../../shared/built-tables.js";
import { divisionList } from "../../shared/gazetteer.js";

/**
 * The project word tables (src/data/project-*.json) loaded once, with the
 * regexes built from them. Every regex is a plain alternation of literals:
 * linear on any input.
 */
export type Sector = "energy" | "grid" | "pipeline" | "water" | "aviation" | "transport_other" | "digital"
  | "ecology" | "industry" | "agriculture" | "science" | "social" | "other";

export interface HeadNoun {
  head: string; sector: Sector; specific?: boolean; headingOnly?: boolean; needsPlace?: boolean; roleIfNational?: boolean;
  marks?: string[]; link?: boolean;
  /** a head always named by a proper name (水库): a modifier this long names one work */
  nameLength?: number;
}


export const HEADS = heads.heads as HeadNoun[];
export const HEAD_BY_NAME = new Map(HEADS.map((h) => [h.head, h]));
/** every head noun, longest first */
export const HEAD_RE = new RegExp(alt(HEADS.map((h) => h.head)), "g");
/** what stays with a head after it (…现代化改造, …扩建) */
export const SUFFIXES = heads.suffixes;
/** the head noun a name ends with (before any section/bracket suffix) */
export const HEAD_AT_END = new RegExp(`(${alt(HEADS.filter((h) => !h.headingOnly).map((h) => h.head))})(?:${alt(heads.suffixes)}|[（(][^（）()]{1,12}[)）]|[一二三四五六七八九十\\d]{1,2}期){0,2}$`);
/**
 * A name ending in a head noun (any), for "is this item already a full name": HEAD_AT_END itself, whose
 * group changes no match. Built as a regex of its own it was a second compilation of the same 340
 * characters (about 2 ms at its first uses in every process: the {0,2} of alternations makes a large automaton).
 */
export const ENDS_WITH_HEAD = HEAD_AT_END;
export const MIN_MODIFIER = heads.minModifier;

export const SECTOR_KEYWORDS = sectors.keywords as Array<[string, Sector]>;

const STAGE_VERBS = (stages.verbs as Array<[string, string]>).map(([v]) => v);
/** verbs that open a commitment (stage verbs included) */
export const VERBS = [...new Set([...rules.leadVerbs, ...STAGE_VERBS])].filter((v) => v !== "前期工作");
export const ADVERBS = rules.adverbs;
export const VERB_AT_START_RE = new RegExp(`^(?:${alt(VERBS)})`);
export const VERB_ONE_RE = new RegExp(alt(VERBS), "g");
export const NON_BUILDING = new Set(rules.nonBuilding);
export const STRICT_NON_BUILDING = new Set(rules.strictNonBuilding);
export const PHYSICAL_WORDS = rules.physicalWords;
export const PHYSICAL_PATTERNS = rules.physicalPatterns.map((p) => new RegExp(p));
export const SECTOR_PATTERNS = (sectors.patterns as Array<[string, Sector]>).map(([p, s]) => [new RegExp(p), s] as const);
export const AFTER_NOT_BUILT = new RegExp(`^(?:${alt(rules.afterNotBuilt)})`);
export const REGION_PREFIX = new RegExp(`^(?:(?:${alt(places.provinces)})(?:维吾尔自治区|壮族自治区|回族自治区|自治区|省)?|${alt(rules.regionPrefixes)})`);
export const NAME_VERBS = new Set(rules.nameVerbs);
export const KEY_PROJECT_TAIL = new RegExp(`(?:等?(?:\\d{1,3}|[两二三四五六七八九十]{1,2})个|等)?(?:${alt(rules.keyProjectTails)})(?:建设|开工建设|前期工作)?$`);
/** the key-project words themselves: a clause holding none cannot end in KEY_PROJECT_TAIL */
export const KEY_PROJECT_WORDS = rules.keyProjectTails;
export const LEVEL_ITEMS = new Set(rules.levelItems);
/** the same words as a list, for holdsAny */
export const LEVEL_ITEM_WORDS = rules.levelItems;
export const ROLE_VERBS = rules.roleVerbs;
export const ROLE_WORDS = rules.roleWords;
export const HARD_VERB_IN_NAME = new RegExp(`(?:${alt(rules.hardVerbsInName)})`, "g");
export const EXCLUDED_IN = rules.excludedIn;
export const EXCLUDED_END = rules.excludedEnd;
/** a centre named by its activity (…运营中心, …交易中心): an organisation, not a facility */
export const SERVICE_CENTRE_RE = new RegExp(`(?:${alt(rules.serviceCentreWords)})中心`);
export const DESIGNATION_HEADS = rules.designationHeads;
export const DESIGNATION_VERBS = rules.designationVerbs;
export const GENERIC_START = rules.genericStart;
/** genericStart words naming a kind of facility: no category mark on a 工程 (农村电网改造升级工程) */
export const GENERIC_START_KINDS = new Set(rules.genericStartKinds);
/** 全国领先…, 全球最大的…: a rank slogan opening a name (one bounded alternation: linear) */
export const RANK_SLOGAN_RE = new RegExp(rules.rankSlogan);
export const GRADE_WORDS = rules.gradeWords;
export const GENERIC_TAILS = new Set(rules.genericTails);
export const AFTER_STAGES = rules.afterStages as Array<[string, "completed" | "start" | "preparation"]>;

export const PLACE_SUFFIXES = places.suffixes;
export const PLACES = places.places;
const PLACE_WORD = alt(PLACES);
export const KNOWN_PLACE_PREFIX = new RegExp(`^(?:${PLACE_WORD})(?:${alt(PLACE_SUFFIXES)})?`);
/** 市政, 市场, 县级, 县域 … are words, not the end of a place */
const NOT_PLACE_END = "(?![政场民级域])";
const SUFFIXED_PLACE_PREFIX = new RegExp(`^[\\u4e00-\\u9fff]{2,6}?(?:${alt(PLACE_SUFFIXES.filter((s) => s !== "区"))})${NOT_PLACE_END}|^[\\u4e00-\\u9fff]{2,4}?(?:${alt(places.featureSuffixes)})(?![\\u4e00-\\u9fff]{0,2}(?:市|盟|旗|县))`);
/**
 * A place at the start of a name, the longer of a known place (with an
 * optional admin suffix) and a short run ending in 市/盟/旗/县 (科尔沁右翼中旗).
 */
export const PLACE_PREFIX_RE = {
  exec(s: string): [string] | null {
    const a = KNOWN_PLACE_PREFIX.exec(s)?.[0] ?? "";
    const b = SUFFIXED_PLACE_PREFIX.exec(s)?.[0] ?? "";
    const c = a || b ? "" : divisionStemAt(s);
    const best = c || (a.length >= b.length ? a : b);
    return best ? [best] : null;
  },
  /** whether any of the three opens `s` (none matches empty): no match arrays, and the first that holds answers */
  test(s: string): boolean { return KNOWN_PLACE_PREFIX.test(s) || SUFFIXED_PLACE_PREFIX.test(s) || divisionStemAt(s) !== ""; },
};
/**
 * A whole list item that is only a place: 包头市, 苏尼特左旗, 乌兰察布—二连浩特, 巴彦淖尔（甘其毛都）:
 * up to four places joined by —, each with an optional bracketed place after it. Checked
 * piece by piece with set lookups: one giant regex of every place repeated eight times cost
 * more to compile (on first use, in every process and worker) than all the lookups of a build.
 */
const PLACE_SET = new Set(PLACES);
/**
 * Prefectures and counties of the whole country as names of works write them, without their
 * suffix (长海县 → 长海, 甘井子区 → 甘井子): only stems that name one division (城中区 is in two
 * cities, 新华区 in many: such stems are words as often as places). From the national gazetteer.
 */
export function divisionStemsTable(): DivisionStemsTable {
  // indexed loops and forEach, no destructuring of entries: in the interpreter each [a, b] = entry runs the iterator protocol
  const count = new Map<string, number>();
  const list = divisionList();
  const stemRe = /^(.{2,}?)(?:自治县|自治旗|林区|特区|新区|县|市|区|旗|盟|地区|自治州)$/;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    if (entry[0].endsWith("0000")) continue;
    const m = stemRe.exec(entry[1]);
    if (m) count.set(m[1]!, (count.get(m[1]!) ?? 0) + 1);
  }
  // a stem that is also a word of these tables (新建, 开发) is read as the word
  const words = new Set<string>([...rules.leadVerbs, ...rules.adverbs, ...rules.genericStart, ...STAGE_VERBS]);
  const stems: string[] = [];
  count.forEach((n, stem) => { if (n === 1 && !words.has(stem)) stems.push(stem); });
  if (stems.some((s) => s.includes("|"))) throw new Error("a division stem holds |");
  const openings = new Set<string>();
  for (const s of stems) if (s.length > 2) openings.add(s.slice(0, 2));
  return { stems: stems.join("|"), openings: [...openings].join("|"), longest: stems.reduce((n, s) => Math.max(n, s.length), 0) };
}
/**
 * The stems joined by |, the first two characters of those longer than two (STEM_OPENINGS), and the
 * longest stem's length (LONGEST_PLACE): each was a loop over the 2 900 stems at every start, interpreted.
 */
export interface DivisionStemsTable { stems: string; openings: string; longest: number }
/**
 * Derived at build time (shared/built-tables.ts): deriving them took 12 ms of every start, a
 * regular expression over each of 3000 names before any of this code is compiled.
 */
const STEMS_TABLE = builtTable<DivisionStemsTable>(import.meta.url, "division-stems.json") ?? divisionStemsTable();
const STEM_LIST = STEMS_TABLE.stems.split("|");
const DIVISION_STEMS: ReadonlySet<string> = new Set(STEM_LIST);
const MAX_STEM = 4;
/**
 * The first two characters of every stem: most text opens with none, and one lookup then answers
 * instead of three slices and lookups (divisionStemAt was the second hottest line of projects).
 * A stem of two characters (most are) is its own opening: the set is the stems and the openings of
 * the longer ones, which answers as the openings alone for the two characters it is asked about.
 */
const STEM_OPENINGS: ReadonlySet<string> = new Set(STEM_LIST);
for (const o of STEMS_TABLE.openings.split("|")) (STEM_OPENINGS as Set<string>).add(o);
/** A division stem opening `s` (长海机场 → 长海), longest first, or "". */
function divisionStemAt(s: string): string {
  if (!STEM_OPENINGS.has(s.slice(0, 2))) return "";
  for (let n = Math.min(MAX_STEM, s.length); n >= 2; n--) if (DIVISION_STEMS.has(s.slice(0, n))) return s.slice(0, n);
  return "";
}
const GENERIC_PLACE_SUFFIXES = PLACE_SUFFIXES.filter((s) => s !== "区");
const HAN_RUN = /^[\u4e00-\u9fff]+$/;

const longest = (words: ReadonlySet<string> | readonly string[]) => { let n = 0; words.forEach((w: string) => { n = Math.max(n, w.length); }); return n; };
/**
 * No place is longer than this: a known place with its longest suffix, a stem, or 6 Han characters
 * with a suffix. A longer piece (most list items name works) is no place without any lookup.
 */
const LONGEST_PLACE = Math.max(longest(PLACE_SET) + longest(PLACE_SUFFIXES), STEMS_TABLE.longest, 6 + longest(PLACE_SUFFIXES));
/** One place: a known place with an optional admin suffix, or 2–6 Han characters and a suffix other than 区. */
function isOnePlace(p: string): boolean {
  if (p.length > LONGEST_PLACE) return false;
  if (PLACE_SET.has(p) || DIVISION_STEMS.has(p)) return true;
  // indexed loops: most calls run interpreted, where a for-of steps an iterator
  for (let k = 0; k < PLACE_SUFFIXES.length; k++) {
    const suf = PLACE_SUFFIXES[k]!;
    if (p.endsWith(suf) && PLACE_SET.has(p.slice(0, -suf.length))) return true;
  }
  if (!HAN_RUN.test(p)) return false;
  for (let k = 0; k < GENERIC_PLACE_SUFFIXES.length; k++) {
    const suf = GENERIC_PLACE_SUFFIXES[k]!;
    const n = p.length - suf.length;
    if (n >= 2 && n <= 6 && p.endsWith(suf)) return true;
  }
  return false;
}

/** 巴彦淖尔（甘其毛都）: a place with an optional bracketed place after it. */
function isBracketedPlace(p: string): boolean {
  const open = p.search(/[（(]/);
  if (open < 0) return isOnePlace(p);
  const last = p[p.length - 1];
  if (last !== ")" && last !== "）") return false;
  return isOnePlace(p.slice(0, open)) && isOnePlace(p.slice(open + 1, -1));
}

export function isPlaceName(s: string): boolean {
  // most items hold no —: no array of one part
  if (!s.includes("—")) return isBracketedPlace(s);
  const parts = s.split("—");
  return parts.length <= 4 && parts.every(isBracketedPlace);
}
export const NAME_PREFIX_STRIP = new RegExp(`^(?:${alt(rules.namePrefixStrip)})+`);
export const SKIP_CLAUSE = rules.skipClause;
export const FUNDING_WORDS = rules.fundingWords;
export const OTHER_TYPE_WORDS = rules.otherTypeWords;
export const OTHER_TYPE_HEADS = rules.otherTypeHeads;
/** known places anywhere in a name (a suffix-only place like 苏尼特左旗 is recognised at the start, by PLACE_PREFIX_RE) */
export const PLACE_ANY_RE = new RegExp(`(?:${PLACE_WORD})(?:${alt(PLACE_SUFFIXES)})?`, "g");
/** an enterprise opening a name owns one work (中石化煤制烯烃, 国能煤制油) */
export const OWNER_PREFIX_RE = new RegExp(`^(?:${alt(places.enterprises)})`);
export const LEVEL_WORDS = new RegExp(`^(?:${alt(rules.levelWords)})`);
export const ADVERB_AT_START_RE = new RegExp(`^(?:${alt([...rules.adverbs, "全线", "年内", "如期", "尽快", "同步", "早日"])})`);
