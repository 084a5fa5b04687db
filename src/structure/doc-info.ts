import kinds from "../data/document-kinds.json" with { type: "json" };
import type { Source } from "../ingest/source.js";
import { decToNumber, parseChineseNumeral } from "../shared/numbers.js";
import { DATE_LINE, DOC_NUMBER_LINE, endsLikeDocNumber } from "../shared/patterns.js";
import { divisionByCode } from "../shared/gazetteer.js";
import { placeAndLevel } from "./doc-place.js";
import type { Line } from "./lines.js";
import { isPageFurniture, ISSUER_END, readTitle, untitledTitle } from "./title.js";
import type { DocumentInfo, PolicyLevel } from "./types.js";

/**
 * Facts about one document read from its head and signature: title (wrapped
 * lines joined), 文号, issuer, date, level, region and plan timing.
 */

/**
 * The facts of the document on lines [first, end): its title block starts at
 * `first`, or, with `untitled`, it prints none (the name given stands for it;
 * "file" names it as contract v3 says: the HTML page title, else the file name).
 * `hint` is what a compilation's 目录 says of it.
 */
export function readDocInfo(src: Source, lines: Line[], first: number, end: number, hint: { docNumber?: string | null; level?: PolicyLevel | null }, untitled?: string | "file"): DocumentInfo {
  const named = untitled === "file" ? untitledTitle(src.file, src.format, lines[first]) : untitled;
  const { title, last, cut } = named !== undefined ? { title: named, last: first - 1, cut: 0 } : readTitle(lines, first, end);
  let docNumber: string | null = null;
  for (let k = last + 1; k <= Math.min(last + 3, end - 1); k++) {
    docNumber = parseDocNumber(lines[k]!.text);
    if (docNumber) break;
  }
  docNumber ??= hint.docNumber ?? null;
  const sig = signature(lines, last + 1, end);
  let date = sig.date;
  if (!date) {
    // a date printed right under the title, e.g. (2024年7月31日), or a cover's month (2026年2月 → 2026-02)
    for (let k = last + 1; k <= Math.min(last + 3, end - 1); k++) {
      const d = DATE_LINE.exec(lines[k]!.text.replace(/\s+/g, ""));
      if (d) { date = isoDate(d[1]!, d[2]!, d[3]); break; }
    }
  }
  const body = src.text.slice(lines[first]!.start, lines[end - 1]!.end);
  if (!date) {
    const p = PUBLISHED.exec(body);
    if (p) date = isoDate(p[1]!, p[2]!, p[3]);
  }
  // a reprint's masthead above the title (吉林日报 2015年05月20日 星期三 第03版) dates its publication
  for (let k = first - 1; !date && k >= Math.max(0, first - 5); k--) {
    const m = isPageFurniture(lines[k]!.text) ? MASTHEAD_DATE.exec(lines[k]!.text) : null;
    if (m) date = isoDate(m[1]!, m[2]!, m[3]);
  }
  // a name standing for a missing title states no issuer
  const fromTitle = named === undefined ? issuerFromTitle(title) : null;
  // "国家发展改革委等部门关于…": the signature block lists them all
  const stated = fromTitle && !(fromTitle.partial && sig.issuer) ? fromTitle.issuer : sig.issuer;
  const place = placeAndLevel({ title, issuer: stated, docNumber, body, hintLevel: hint.level ?? null });
  const timing = planTiming(title);
  // one literal, its fields in the order the spreads of place and timing gave them: an object built by spreads
  // has one shape when the interpreter builds it and another in optimized code, and its readers deoptimized
  return {
    title,
    doc_number: docNumber,
    issuer: stated ?? issuerInOpening(body, place.region, place.region_code),
    date,
    region: place.region,
    region_code: place.region_code,
    policy_level: place.policy_level,
    plan_year: timing.plan_year,
    plan_period: timing.plan_period,
    // a whole file that prints no title starts at its first line, blank or not (contract v3: line_start 1)
    titleSpan: { start: untitled === "file" && first === 0 ? 0 : lines[first]!.start + cut, end: lines[first]!.end },
  };
}

/** The date on a newspaper's masthead line. */
const MASTHEAD_DATE = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})/;

/** A date line of a reprint's source note: 来源：2020-06-23 内蒙古日报 */
export const PUBLISHED = /(?:来源|发布时间|发布日期)[:：]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/;

/** A document-number line: 国发〔2023〕16号, (内科发政字[2021]15号), 财政部 税务总局公告 2023 年第 5 号. */
export function parseDocNumber(line: string): string | null {
  const t = line.trim();
  const m = endsLikeDocNumber(t) ? DOC_NUMBER_LINE.exec(t) : null;
  if (!m) return null;
  return m[1]!.replace(/\s+(?=[\d〔［【\[(（年第号])|(?<=[\d〕］】\])）年第])\s+/g, "")
    .replace(/[［【\[(（](?=\d{4})/g, "〔").replace(/(?<=\d{4})[］】\])）]/g, "〕");
}

/**
 * The government a preamble names as its author when neither title nor
 * signature does ("…，市政府制定进一步促进投资增长十八条措施"): the document's
 * region with 人民政府, when the level word (省/市/县/区) is the region's own.
 */
function issuerInOpening(body: string, region: string, code: string | null): string | null {
  const m = OPENING_AUTHOR.exec(body.slice(0, 400));
  if (!m || !code) return null;
  const d = divisionByCode(code);
  const own = d && (m[1] === "省" ? d.kind === "province" && /省$/.test(d.name) : m[1] === "市" ? /市$/.test(d.name) && d.kind !== "district" : d.kind === "district" && d.name.endsWith(m[1]!));
  return own ? `${region}人民政府` : null;
}
const OPENING_AUTHOR = /(?:^|[，。；])(?:本|我)?(省|市|县|区)(?:人民)?政府(?:研究)?(?:制定|制订|提出|印发|决定)/;

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
  // the parts by a loop: flatMap makes a holey array, which filter copies as holey in the interpreter and
  // as packed when V8 inlines it into compiled code, and the reads after it deoptimized ("wrong map")
  const parts: string[] = [];
  for (const word of head.split(/\s+/)) {
    for (const p of word.split(ISSUER_JOINT)) {
      if (!p) continue;
      if (!ISSUER_END.test(p)) return null;
      parts.push(p);
    }
  }
  return { issuer: parts.join("、"), partial };
}

/** where two issuing bodies written together meet (国家发展改革委财政部): compiled once, not per title part */
const ISSUER_JOINT = new RegExp(`(?<=${kinds.issuerEnds})(?=${kinds.issuerStarts})`);
/** a line that ends like an issuing body's name: compiled once, not per line above a signature date */
const ISSUER_LINE_END = new RegExp(`${kinds.issuerEnds}$`);

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
    // a signature date names its day: a line without 日 is passed before it is copied without its blanks (signature over c6 x40, inclusive: 141 -> 28 ms)
    if (!lines[i]!.text.includes("日")) continue;
    const d = DATE_LINE.exec(lines[i]!.text.replace(/\s+/g, ""));
    if (!d || !d[3]) continue;
    const names: string[] = [];
    for (let k = i - 1; k >= from && names.length < 8; k--) {
      const t = lines[k]!.text;
      if (t.length > 24 || /[。，；：:]/.test(t) || !ISSUER_LINE_END.test(t)) break;
      names.unshift(t);
    }
    return { date: isoDate(d[1]!, d[2]!, d[3]), issuer: names.length ? names.join("、") : null };
  }
  return { date: null, issuer: null };
}
