import kinds from "../data/document-kinds.json" with { type: "json" };
import base from "../data/regions.json" with { type: "json" };
import { divisionByCode, isWithin, leadingDivision, levelOf, regionName, resolvePlace, scanPlaces, type Division } from "../shared/gazetteer.js";
import { levelByRules, mostSpokenLevel, OVERLAYS, overlaysFor, type LevelRule } from "../shared/overlays.js";
import type { PolicyLevel } from "./types.js";

/**
 * A document's place: the area it governs (region, with its GB/T 2260 code)
 * and the level of government speaking (policy_level), read through the
 * national gazetteer and the overlay of the region found.
 */

/** Level of government from an issuer's, a 文号's or a title's words by the national rules (国务院 → national, …省 → region). */
export const levelFromIssuer = (s: string): PolicyLevel | null => levelByRules(s, kinds.issuerLevels as LevelRule[]);

/**
 * Where the document governs and the level of government speaking, from its
 * head (the division heading the issuer or the title: 大连市人民政府, 甘井子区…办法,
 * 中共大连市委), else the first division its title names (关于印发《内蒙古自治区…》),
 * else, for a national document, 全国, else the body: the division it names
 * most at the level it speaks for (我县 → a county). Levels from words follow
 * the national rules, then the overlay of the region found (内政发 → region).
 */
export function placeAndLevel(a: { title: string; issuer: string | null; docNumber: string | null; body: string; hintLevel: PolicyLevel | null }): { region: string; region_code: string | null; policy_level: PolicyLevel } {
  const head = leadingDivision(a.issuer ?? "", a.body) ?? leadingDivision(a.title, a.body);
  const named = head ?? firstDivision(a.title);
  const opening = a.body.slice(0, BODY_SCAN);
  const spoken = (code: string | null | undefined) => mostSpokenLevel(opening, [...base.selfReference, ...overlaysFor(code).flatMap((o) => o.selfReference)] as LevelRule[]);
  if (head) {
    const policy_level = a.hintLevel ?? levelOf(head);
    return { region: regionName(head), region_code: head.code, policy_level };
  }
  if (named) {
    // a division named inside the title (关于印发《青岛市…》) is where the document applies; the
    // level is the issuer's or the 文号's, else the one the body speaks for, else the division's
    const policy_level = a.hintLevel ?? levelFromWords({ ...a, title: "" }, named.code) ?? spoken(named.code) ?? levelOf(named);
    return { region: regionName(named), region_code: named.code, policy_level };
  }
  const national = (a.hintLevel ?? levelFromWords(a, null)) === "national";
  // a national document that names no region in its title governs the whole country
  if (national) return { region: "全国", region_code: null, policy_level: "national" };
  const province = mostNamed(opening, "province", null);
  // the title's words come last: the title may cite another government's document (贯彻落实《辽宁省…》)
  const policy_level = a.hintLevel ?? levelFromWords({ ...a, title: "" }, province?.code) ?? spoken(province?.code) ?? levelFromWords(a, province?.code) ?? "region";
  const area = province && policy_level !== "region" ? mostNamed(opening, policy_level === "city" ? "city" : "district", province) ?? province : province;
  return area ? { region: regionName(area), region_code: area.code, policy_level } : { region: "", region_code: null, policy_level };
}

/** Level from the words of the issuer, the 文号 and the title: national rules, then the region overlay's (…旗, 内政发). */
function levelFromWords(a: { title: string; issuer: string | null; docNumber: string | null }, code: string | null | undefined): PolicyLevel | null {
  const overlays = overlaysFor(code);
  const issuers = overlays.flatMap((o) => o.issuers);
  const issuer = a.issuer ?? "";
  return levelFromIssuer(issuer) ?? levelByRules(issuer, issuers)
    ?? levelFromIssuer(a.docNumber ?? "") ?? levelByRules(a.docNumber ?? "", [...overlays.flatMap((o) => o.docNumbers), ...issuers])
    ?? levelFromIssuer(a.title) ?? levelByRules(a.title, issuers);
}

/** How much of a body is read for the area it names (the opening names it; bounded on huge inputs). */
const BODY_SCAN = 20_000;

/**
 * The first division a title names (国务院关于推动内蒙古高质量发展…), outside the
 * 《》 of a cited document (关于贯彻落实《辽宁省…》: another government's) unless
 * the title issues it (关于印发《内蒙古自治区…办法》).
 */
function firstDivision(title: string): Division | null {
  const t = title.replace(/\s+/g, "");
  for (const m of scanPlaces(t)) {
    const open = t.lastIndexOf("《", m.start);
    if (open >= 0 && t.indexOf("》", open) >= m.end && !/印发$/.test(t.slice(0, open))) continue;
    const d = resolvePlace(m);
    if (d) return d;
  }
  return null;
}

/**
 * A division and the divisions above it, innermost first: made once per division,
 * where each mention walked the parents again by code.
 */
const chains = new Map<Division, readonly Division[]>();
function chainOf(d: Division): readonly Division[] {
  let chain = chains.get(d);
  if (!chain) {
    const up: Division[] = [];
    for (let c: Division | undefined = d; c; c = c.parent ? divisionByCode(c.parent) : undefined) up.push(c);
    chains.set(d, (chain = up));
  }
  return chain;
}

/**
 * The division of a kind a body names most (inside `within` when given):
 * every mention counts for its division and the divisions above it, and a
 * region overlay's own words (盟市, 旗县) count for its region. Ties go to the
 * first named.
 */
function mostNamed(text: string, kind: Division["kind"], within: Division | null): Division | null {
  const tally = new Map<string, { d: Division; n: number; first: number }>();
  const count = (d: Division, at: number) => {
    for (const c of chainOf(d)) {
      const t = tally.get(c.code);
      if (t) t.n++;
      else tally.set(c.code, { d: c, n: 1, first: at });
    }
  };
  for (const m of scanPlaces(text, { overlays: "all", region: within?.code })) {
    const d = resolvePlace(m, { region: within?.code });
    if (d) count(d, m.start);
  }
  for (const o of OVERLAYS) {
    const province = divisionByCode(o.code);
    if (!province) continue;
    for (const w of Object.values(o.collectiveWords).flat()) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) count(province, at);
  }
  let best: { d: Division; n: number; first: number } | null = null;
  for (const t of tally.values()) {
    if (t.d.kind !== kind || (within && !isWithin(t.d, within.code))) continue;
    if (!best || t.n > best.n || (t.n === best.n && t.first < best.first)) best = t;
  }
  return best?.d ?? null;
}
