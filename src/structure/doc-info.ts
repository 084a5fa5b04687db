import kinds from "../data/document-kinds.json" with { type: "json" };
import base from "../data/regions.json" with { type: "json" };
import { decToNumber, parseChineseNumeral } from "../shared/numbers.js";
import { DATE_LINE, DOC_NUMBER_LINE, TITLE_END } from "../shared/patterns.js";
import { divisionByCode, isWithin, leadingDivision, levelOf, regionName, resolvePlace, scanPlaces, type Division } from "../shared/gazetteer.js";
import { levelByRules, mostSpokenLevel, OVERLAYS, overlaysFor, type LevelRule } from "../shared/overlays.js";
import { detectHeading } from "./headings.js";
import { flat, type Line } from "./lines.js";
import type { PolicyLevel } from "./types.js";

/**
 * Facts about one document read from its head and signature: title (wrapped
 * lines joined), 文号, issuer, date, level, region and plan timing.
 */

/** A date line of a reprint's source note: 来源：2020-06-23 内蒙古日报 */
export const PUBLISHED = /(?:来源|发布时间|发布日期)[:：]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/;

/** A document-number line: 国发〔2023〕16号, (内科发政字[2021]15号), 财政部 税务总局公告 2023 年第 5 号. */
export function parseDocNumber(line: string): string | null {
  const m = DOC_NUMBER_LINE.exec(line.trim());
  if (!m) return null;
  return m[1]!.replace(/\s+(?=[\d〔［【\[(（年第号])|(?<=[\d〕］】\])）年第])\s+/g, "")
    .replace(/[［【\[(（](?=\d{4})/g, "〔").replace(/(?<=\d{4})[］】\])）]/g, "〕");
}

export function levelFromIssuer(s: string): PolicyLevel | null {
  for (const r of kinds.issuerLevels) if (new RegExp(r.re).test(s)) return r.level as PolicyLevel;
  return null;
}

/** Title lines starting at `i`: a wrapped title continues until it ends in a document-kind word. */
export function readTitle(lines: Line[], i: number, end: number): { title: string; last: number } {
  let title = lines[i]!.text.replace(/^[#*\s]+|[#*\s]+$/g, "");
  let last = i;
  while (!TITLE_END.test(flat(title)) && last + 1 < end && last - i < 3) {
    const next = lines[last + 1]!;
    if (parseDocNumber(next.text) || DATE_LINE.test(next.text) || detectHeading(next.text) || next.text.length > 60 || /[。：:]/.test(next.text)) break;
    title += next.text.replace(/^[#*\s]+|[#*\s]+$/g, "");
    last++;
  }
  // a version or status note wrapped onto the next line still belongs to the title: 2023年修订版（试行）
  const tail = lines[last + 1];
  if (tail && last + 1 < end && TITLE_TAIL.test(tail.text.replace(/\s+/g, ""))) {
    title += tail.text;
    last++;
  }
  return { title: title.replace(/\s+/g, " ").replace(/(?<=[\u4e00-\u9fff《》“”]) (?=[\u4e00-\u9fff《》“”])/g, (_s: string, off: number, all: string) => (isIssuerGap(all, off) ? " " : "")), last };
}

const TITLE_TAIL = /^(?:\d{4}年?(?:修订|修正)?版)?(?:[(（](?:试行|暂行|征求意见稿|\d{4}(?:年)?版)[)）])?$/;

/** Keep the space between two issuing bodies (`中共中央 国务院`), drop spaces from line wraps. */
function isIssuerGap(title: string, off: number): boolean {
  const before = title.slice(0, off);
  const after = title.slice(off + 1);
  return ISSUER_END.test(before) && !/关于|印发/.test(before) && ISSUER_START.test(after);
}

const ISSUER_END = new RegExp(`${kinds.issuerEnds}$`);
const ISSUER_START = new RegExp(`^${kinds.issuerStarts}`);

/**
 * Issuing bodies named at the head of a title (国务院关于…, 中共中央 国务院关于…).
 * `partial` is set when the title names one body "等部门" and the rest stand in
 * the signature block. A head that is only a place (内蒙古自治区关于…) names no issuer.
 */
export function issuerFromTitle(title: string): { issuer: string; partial: boolean } | null {
  const m = /^(.*?)(?:关于|印发)/.exec(title);
  if (!m || !m[1]) return null;
  const partial = /等(?:部门|单位)?$/.test(m[1].trim());
  const head = m[1].replace(/等(?:部门|单位)?$/, "").trim();
  if (!head) return null;
  const parts = head.split(/\s+/).flatMap((p) => p.split(new RegExp(`(?<=${kinds.issuerEnds})(?=${kinds.issuerStarts})`))).filter(Boolean);
  if (!parts.every((p) => ISSUER_END.test(p))) return null;
  return { issuer: parts.join("、"), partial };
}

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
  if (named) {
    const policy_level = a.hintLevel ?? (head ? levelOf(head) : null) ?? levelFromWords(a, named.code) ?? spoken(named.code) ?? "region";
    return { region: regionName(named), region_code: named.code, policy_level };
  }
  const national = (a.hintLevel ?? levelFromWords(a, null)) === "national";
  // a national document that names no region in its title governs the whole country
  if (national) return { region: "全国", region_code: null, policy_level: "national" };
  const province = mostNamed(opening, "province", null);
  const policy_level = a.hintLevel ?? levelFromWords(a, province?.code) ?? spoken(province?.code) ?? "region";
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

/** The first division a title names anywhere (国务院关于推动内蒙古高质量发展…). */
function firstDivision(title: string): Division | null {
  const t = title.replace(/\s+/g, "");
  for (const m of scanPlaces(t)) {
    const d = resolvePlace(m);
    if (d) return d;
  }
  return null;
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
    for (let c: Division | undefined = d; c; c = c.parent ? divisionByCode(c.parent) : undefined) {
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

const FYP = /第([一二三四五六七八九十]{1,3})个五年规划|[“"]?(十[一二三四五六七八九])五[”"]?规划/;

/** Plan year (annual plan) and plan period (five-year plan) from the title. */
export function planTiming(title: string): { plan_year: number | null; plan_period: [number, number] | null } {
  const t = title.replace(/\s+/g, "");
  const f = FYP.exec(t);
  if (f) {
    const n = decToNumber(parseChineseNumeral(f[1] ?? f[2]!)!);
    const start = 1966 + 5 * (n - 3); // the 3rd plan began in 1966; later plans are consecutive
    return { plan_year: null, plan_period: [start, start + 4] };
  }
  const y = /(\d{4})年(?:度)?[\u4e00-\u9fff]{0,20}(?:计划|预算|工作要点)/.exec(t);
  return { plan_year: y ? Number(y[1]) : null, plan_period: null };
}

export function isoDate(y: string, m: string, d?: string): string {
  return `${y}-${m.padStart(2, "0")}${d ? "-" + d.padStart(2, "0") : ""}`;
}

/** Signature block: the date line and the issuing bodies printed just above it. */
export function signature(lines: Line[], from: number, to: number): { date: string | null; issuer: string | null } {
  for (let i = from; i < to; i++) {
    const d = DATE_LINE.exec(lines[i]!.text.replace(/\s+/g, ""));
    if (!d || !d[3]) continue;
    const names: string[] = [];
    for (let k = i - 1; k >= from && names.length < 8; k--) {
      const t = lines[k]!.text;
      if (t.length > 24 || /[。，；：:]/.test(t) || !new RegExp(`${kinds.issuerEnds}$`).test(t)) break;
      names.unshift(t);
    }
    return { date: isoDate(d[1]!, d[2]!, d[3]), issuer: names.length ? names.join("、") : null };
  }
  return { date: null, issuer: null };
}

/**
 * Name of a document whose title is not printed (a newspaper reprint): an
 * opening like "为贯彻落实《X》精神……提出如下实施意见" names it
 * "贯彻落实《X》的实施意见"; otherwise its first clause stands for it.
 */
export function untitledName(opening: string): string {
  const ref = /(?:贯彻落实|落实|贯彻|根据|按照)(《[^《》]{2,80}》)/.exec(opening);
  const kind = /(?:提出|制定)(?:如下|以下|本)([\u4e00-\u9fff]{2,6}?)(?:[。，；]|$)/.exec(opening);
  if (ref && kind && TITLE_END.test(kind[1]!)) return `关于贯彻落实${ref[1]}的${kind[1]}`;
  return opening.split(/[，。；]/)[0]!.slice(0, 60);
}

