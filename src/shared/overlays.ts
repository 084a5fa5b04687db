import neiMongol from "../data/regions/nei-mongol.json" with { type: "json" };

/**
 * Region overlays: knowledge of one province-level region only (its own words
 * for levels of government, places that are no division, its 文号 prefixes),
 * applied over the national base to documents whose region lies in it. The
 * base (regions.json + divisions.json) serves any region alone; a region that
 * writes differently gets one data file under src/data/regions/ and one line in
 * OVERLAYS below (ARCHITECTURE.md, "Add a region overlay").
 */

/** Levels of government below the nation (CONTRACT.md policy_level). */
export type GovLevel = "region" | "city" | "district";

/** A pattern that tells the level of government from a piece of text (国务院, 我旗, 内政发…). */
export interface LevelRule { re: string; level: GovLevel | "national" }

export interface Overlay {
  /** code of the province-level region the overlay serves (150000) */
  code: string;
  /** the region's own words for levels: 盟 (city), 旗 (district), 苏木 (township), 嘎查 (village) */
  levelWords: Record<string, string[]>;
  /** words naming all units of a level: 盟市, 旗县, 苏木乡镇, 嘎查村 */
  collectiveWords: Record<string, string[]>;
  /** how its documents name their own area: 我区 (the autonomous region), 我旗 */
  selfReference: LevelRule[];
  /** issuers named by its level words (…盟 → city, …旗 → district) */
  issuers: LevelRule[];
  /** 文号 prefixes of its own bodies (内政发 → region) */
  docNumbers: LevelRule[];
  /** places that are no division, with the code of the division an abbreviation stands for (锡盟 → 152500) */
  places: Array<[string, string | null]>;
}

export const OVERLAYS: readonly Overlay[] = [neiMongol as unknown as Overlay];

const sameProvince = (a: string, b: string) => a.slice(0, 2) === b.slice(0, 2);

/** The overlays for a region code (any division inside the overlay's province); none for null or 全国. */
export function overlaysFor(code: string | null | undefined): Overlay[] {
  if (!code) return [];
  return OVERLAYS.filter((o) => sameProvince(o.code, code));
}

/** The level a text names by one of the rules (base rules first, then the overlay's), or null. */
export function levelByRules(text: string, rules: readonly LevelRule[]): LevelRule["level"] | null {
  for (const r of rules) if (compiled(r.re).test(text)) return r.level;
  return null;
}

/** The level a text speaks for most often by the rules (我县 ×3, 全省 ×1 → district), or null. */
export function mostSpokenLevel(text: string, rules: readonly LevelRule[]): LevelRule["level"] | null {
  let best: { level: LevelRule["level"]; n: number } | null = null;
  for (const r of rules) {
    const re = compiled(r.re, "g");
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(text)) n++;
    if (n && (!best || n > best.n)) best = { level: r.level, n };
  }
  return best?.level ?? null;
}

const COMPILED = new Map<string, RegExp>();
function compiled(re: string, flags = ""): RegExp {
  let c = COMPILED.get(flags + "/" + re);
  if (!c) COMPILED.set(flags + "/" + re, (c = new RegExp(re, flags)));
  return c;
}
