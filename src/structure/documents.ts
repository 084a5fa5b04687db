import kinds from "../data/document-kinds.json" with { type: "json" };
import regionsData from "../data/regions.json" with { type: "json" };
import type { Source } from "../ingest/source.js";
import { lineAt } from "../ingest/source.js";
import { DATE_LINE, DOC_NUMBER_LINE, TITLE_END } from "../shared/patterns.js";
import { detectHeading } from "./headings.js";
import { collectTables, splitBlocks, splitSentences } from "./blocks.js";
import type { Doc, DocumentInfo, PolicyLevel, Span } from "./types.js";

/**
 * Split a source into policy documents. A compilation prints a 目录 whose
 * numbered entries are document titles; each is found again in the body and
 * starts a document. A file without such a table of contents is one document
 * (a plan, an opinion, a news item carrying an opinion).
 */

interface Line extends Span { text: string; flat: string }

const flat = (s: string) => s.replace(/[\s*#]+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/[〔［【]/g, "[").replace(/[〕］】]/g, "]");
const SUFFIX = TITLE_END;
const DOC_NO = DOC_NUMBER_LINE;
const PUBLISHED = /(?:来源|发布时间|发布日期)[:：]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/;

function linesOf(src: Source): Line[] {
  const out: Line[] = [];
  let pos = 0;
  const t = src.text;
  while (pos <= t.length) {
    let nl = t.indexOf("\n", pos);
    if (nl < 0) nl = t.length;
    const raw = t.slice(pos, nl);
    const text = raw.trim();
    if (text) {
      const start = pos + (raw.length - raw.trimStart().length);
      out.push({ start, end: start + text.length, text, flat: flat(text) });
    }
    pos = nl + 1;
  }
  return out;
}

/** A document-number line: 国发〔2023〕16号, (内科发政字[2021]15号), 财政部 税务总局公告 2023 年第 5 号. */
export function parseDocNumber(line: string): string | null {
  const m = DOC_NO.exec(line.trim());
  if (!m) return null;
  return m[1]!.replace(/\s+(?=[\d〔［【\[(（年第号])|(?<=[\d〕］】\])）年第])\s+/g, "")
    .replace(/[［【\[(（](?=\d{4})/g, "〔").replace(/(?<=\d{4})[］】\])）]/g, "〕");
}

export function levelFromIssuer(s: string): PolicyLevel | null {
  for (const r of kinds.issuerLevels) if (new RegExp(r.re).test(s)) return r.level as PolicyLevel;
  return null;
}

interface TocEntry { title: string; docNumber: string | null; level: PolicyLevel | null }

/** Parse a compilation's table of contents: numbered entries (wrapped lines joined) under level headers. */
function parseToc(lines: Line[]): { entries: TocEntry[]; end: number } | null {
  const at = lines.findIndex((l, i) => i < 60 && /^目\s*录$/.test(l.text));
  if (at < 0) return null;
  const entries: TocEntry[] = [];
  let level: PolicyLevel | null = null;
  let open: TocEntry | null = null;
  // the body starts where an entry's title is printed again: look its opening up in a set (linear)
  const openings = new Set<string>();
  const openingLengths = new Set<number>();
  let i = at + 1;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    const header = /^[一二三四五六七八九十]{1,3}、(.{2,30})$/.exec(t.replace(/\t.*$/, ""));
    const entry = /^\d{1,3}[.．、]\s*(.+)$/.exec(t);
    const f = lines[i]!.flat;
    if (f.length > 6 && [...openingLengths].some((n) => openings.has(f.slice(0, n)))) break;
    if (header && !/\t\d+$/.test(t) && !entry) {
      if (entries.length && entries.some((e) => e.level !== null) && levelOfHeader(header[1]!) === entries[0]!.level) break; // body restarts
      level = levelOfHeader(header[1]!);
      open = null;
      continue;
    }
    if (entry) {
      open = { title: entry[1]!, docNumber: null, level };
      entries.push(open);
      const opening = flat(entry[1]!).slice(0, 16);
      if (opening.length > 6) { openings.add(opening); openingLengths.add(opening.length); }
    } else if (open && !/\t\d+$/.test(open.title)) {
      open.title += t;
    } else if (entries.length >= 2) break;
  }
  if (entries.length < 2) return null;
  for (const e of entries) {
    let t = e.title.replace(/\t\s*\d*\s*$/, "").trim();
    const no = /[(（]([^()（）]*?(?:\d{4}[〕\]］】)）]?\s*第?\s*\d+\s*号|\d{4}年第\d+号))[)）]?$/.exec(t);
    if (no) { e.docNumber = parseDocNumber(no[1]!); t = t.slice(0, no.index); }
    e.title = t.replace(/\s+/g, " ").trim();
  }
  // a 目录 of chapters (五年规划) is not a list of documents
  const docLike = entries.filter((e) => SUFFIX.test(flat(e.title)) || e.docNumber).length;
  if (docLike < entries.length / 2) return null;
  return { entries, end: i };
}

function levelOfHeader(h: string): PolicyLevel | null {
  for (const r of kinds.levelHeaders) if (new RegExp(r.re).test(h)) return r.level as PolicyLevel;
  return null;
}

const OPENING = 8;

/**
 * Find each TOC title in the body, in order; returns the index of its first
 * line. Candidate lines are indexed by their first characters, so the search
 * stays near-linear however many entries are never found.
 */
function locateTitles(lines: Line[], from: number, entries: TocEntry[]): Array<number | null> {
  const isCandidate = (l: Line) => l.text.length <= 120 && !l.text.includes("。");
  const index = new Map<string, number[]>();
  for (let i = from; i < lines.length; i++) {
    if (!isCandidate(lines[i]!)) continue;
    const joined = lines[i]!.flat + (lines[i + 1]?.flat ?? "");
    const k = joined.slice(0, OPENING);
    const list = index.get(k);
    if (list) list.push(i); else index.set(k, [i]);
  }
  const matches = (i: number, key: string, probe: string) => {
    const l = lines[i]!;
    const joined = l.flat + (lines[i + 1]?.flat ?? "");
    return joined.startsWith(probe) || (l.flat.length >= 8 && key.startsWith(l.flat.slice(0, 14)) && similarPrefix(joined, key));
  };
  const found: Array<number | null> = [];
  let cursor = from;
  for (const e of entries) {
    const key = flat(e.title);
    const probe = key.slice(0, Math.min(14, key.length));
    let hit: number | null = null;
    if (key.length >= OPENING) {
      const list = index.get(key.slice(0, OPENING)) ?? [];
      let lo = 0, hi = list.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]! < cursor) lo = mid + 1; else hi = mid; }
      for (let k = lo; k < list.length; k++) if (matches(list[k]!, key, probe)) { hit = list[k]!; break; }
    } else {
      for (let i = cursor; i < lines.length; i++) if (isCandidate(lines[i]!) && matches(i, key, probe)) { hit = i; break; }
    }
    found.push(hit);
    if (hit !== null) cursor = hit + 1;
  }
  return found;
}

function similarPrefix(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 24);
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return n >= 8 && same / n >= 0.8;
}

/** Title lines starting at `i`: a wrapped title continues until it ends in a document-kind word. */
function readTitle(lines: Line[], i: number, end: number): { title: string; last: number } {
  let title = lines[i]!.text.replace(/^[#*\s]+|[#*\s]+$/g, "");
  let last = i;
  while (!SUFFIX.test(flat(title)) && last + 1 < end && last - i < 3) {
    const next = lines[last + 1]!;
    if (parseDocNumber(next.text) || DATE_LINE.test(next.text) || detectHeading(next.text) || next.text.length > 60 || /[。：:]/.test(next.text)) break;
    title += next.text.replace(/^[#*\s]+|[#*\s]+$/g, "");
    last++;
  }
  return { title: title.replace(/\s+/g, " ").replace(/(?<=[\u4e00-\u9fff《》“”]) (?=[\u4e00-\u9fff《》“”])/g, (s, off, all) => (isIssuerGap(all, off) ? " " : "")), last };
}

/** Keep the space between two issuing bodies (`中共中央 国务院`), drop spaces from line wraps. */
function isIssuerGap(title: string, off: number): boolean {
  const before = title.slice(0, off);
  const ends = new RegExp(`${kinds.issuerEnds}$`);
  return ends.test(before) && !/关于|印发/.test(before);
}

function issuerFromTitle(title: string): string | null {
  const m = /^(.*?)(?:关于|印发)/.exec(title);
  if (!m || !m[1]) return null;
  const head = m[1].replace(/等部门$/, "").trim();
  if (!head) return null;
  const parts = head.split(/\s+/).flatMap((p) => p.split(new RegExp(`(?<=${kinds.issuerEnds})(?=${kinds.issuerStarts})`)));
  return parts.filter(Boolean).join("、");
}

const REGIONS = regionsData.regions as Array<[string, string]>;
const REGION_RE = new RegExp(REGIONS.flat().sort((a, b) => b.length - a.length).join("|"), "g");
const fullRegion = (name: string) => REGIONS.find(([full, short]) => name === full || name === short)?.[0] ?? name;
/** A city-, league- or county-level issuer at the start of a title: 赤峰市…, 元宝山区… */
const LOCAL_IN_TITLE = /^([\u4e00-\u9fff]{2,4}?(?:市|盟))(?!场)|^([\u4e00-\u9fff]{2,4}?(?:区|县|旗))(?!域|块|间)/;

/**
 * The area a document governs: a city/county named at the head of the title,
 * else a province-level region named in the title, else the one the body
 * names most often.
 */
function regionOf(title: string, body: string, level: PolicyLevel): string {
  const t = title.replace(/\s+/g, "");
  const local = LOCAL_IN_TITLE.exec(t);
  if (local && (level === "city" || level === "district")) return (local[1] ?? local[2])!;
  REGION_RE.lastIndex = 0;
  const inTitle = REGION_RE.exec(t);
  if (inTitle) return fullRegion(inTitle[0]);
  // a national document that names no region in its title governs the whole country
  if (level === "national") return "全国";
  const counts = new Map<string, number>();
  for (const x of body.matchAll(REGION_RE)) counts.set(fullRegion(x[0]), (counts.get(fullRegion(x[0])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "";
}

const FYP = /第([一二三四五六七八九十]{1,3})个五年规划|[“"]?(十[一二三四五六七八九])五[”"]?规划/;
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function smallCn(s: string): number {
  if (s.startsWith("十")) return 10 + (CN_DIGIT[s[1] ?? ""] ?? 0);
  if (s.length === 2 && s[1] === "十") return CN_DIGIT[s[0]!]! * 10;
  if (s.length === 3) return CN_DIGIT[s[0]!]! * 10 + CN_DIGIT[s[2]!]!;
  return CN_DIGIT[s] ?? 0;
}

/** Plan year (annual plan) and plan period (five-year plan) from the title. */
function planTiming(title: string): { plan_year: number | null; plan_period: [number, number] | null } {
  const t = title.replace(/\s+/g, "");
  const f = FYP.exec(t);
  if (f) {
    const n = smallCn(f[1] ?? f[2]!);
    const start = 1966 + 5 * (n - 3); // the 3rd plan began in 1966; later plans are consecutive
    return { plan_year: null, plan_period: [start, start + 4] };
  }
  const y = /(\d{4})年(?:度)?[\u4e00-\u9fff]{0,20}(?:计划|预算|工作要点)/.exec(t);
  return { plan_year: y ? Number(y[1]) : null, plan_period: null };
}

function isoDate(y: string, m: string, d?: string): string {
  return `${y}-${m.padStart(2, "0")}${d ? "-" + d.padStart(2, "0") : ""}`;
}

/** Signature block: the date line and the issuing bodies printed just above it. */
function signature(lines: Line[], from: number, to: number): { date: string | null; issuer: string | null } {
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

function buildDoc(src: Source, lines: Line[], first: number, endLine: number, hint: Partial<TocEntry>): Doc {
  const { title, last } = readTitle(lines, first, endLine);
  let docNumber: string | null = null;
  for (let k = last + 1; k <= Math.min(last + 3, endLine - 1); k++) {
    docNumber = parseDocNumber(lines[k]!.text);
    if (docNumber) break;
  }
  docNumber ??= hint.docNumber ?? null;
  const sig = signature(lines, last + 1, endLine);
  let date = sig.date;
  if (!date) {
    // a date printed right under the title, e.g. (2024年7月31日)
    for (let k = last + 1; k <= Math.min(last + 3, endLine - 1); k++) {
      const d = DATE_LINE.exec(lines[k]!.text.replace(/\s+/g, ""));
      if (d?.[3]) { date = isoDate(d[1]!, d[2]!, d[3]); break; }
    }
  }
  const body = src.text.slice(lines[first]!.start, lines[endLine - 1]!.end);
  if (!date) {
    const p = PUBLISHED.exec(body);
    if (p) date = isoDate(p[1]!, p[2]!, p[3]);
  }
  const issuer = issuerFromTitle(title) ?? sig.issuer;
  const level = hint.level ?? levelFromIssuer(issuer ?? "") ?? levelFromIssuer(docNumber ?? "") ?? levelFromIssuer(title) ?? "region";
  const info: DocumentInfo = {
    title,
    doc_number: docNumber,
    issuer,
    date,
    policy_level: level,
    region: regionOf(title, body, level),
    ...planTiming(title),
    titleSpan: { start: lines[first]!.start, end: lines[first]!.end },
  };
  return makeDoc(src, { start: lines[first]!.start, end: lines[endLine - 1]!.end }, info);
}

export function makeDoc(src: Source, span: Span, info: DocumentInfo): Doc {
  const blocks = splitBlocks(src, span);
  return { ...span, source: src, info, blocks, sentences: splitSentences(blocks), tables: collectTables(blocks) };
}

/** Index of the line that starts a single document's title (skipping news headlines and cover lines). */
function findTitleLine(lines: Line[]): number | null {
  const limit = Math.min(lines.length, 40);
  for (let i = 0; i < limit; i++) {
    const t = lines[i]!.text;
    if (t.startsWith("#") || t.length > 80 || /[。，]/.test(t) || detectHeading(t)) continue;
    // a title may wrap over up to three short lines: test the joined text
    let joined = "";
    for (let k = i; k < Math.min(i + 3, limit); k++) {
      const tk = lines[k]!.text;
      if (k > i && (tk.length > 40 || /[。，：:]/.test(tk) || parseDocNumber(tk))) break;
      joined += flat(tk);
      if (SUFFIX.test(joined)) return i;
    }
  }
  return null;
}

/** Title lines (possibly wrapped over up to three lines) directly followed by a 文号 line. */
function numberedHeads(lines: Line[]): number[] {
  const heads: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!parseDocNumber(lines[i]!.text)) continue;
    let joined = "";
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const t = lines[k]!.text;
      if (t.length > 60 || /[。；：:]/.test(t) || detectHeading(t)) break;
      joined = flat(t) + joined;
      if (TITLE_END.test(joined) && (k === 0 || !TITLE_END.test(flat(lines[k - 1]!.text)) || k === i - 3)) {
        // extend upwards over the wrapped head of the title (lines that do not end a title)
        let top = k;
        while (top - 1 >= 0 && top > i - 3 && lines[top - 1]!.text.length <= 40 && !/[。；：:，]/.test(lines[top - 1]!.text)
          && !TITLE_END.test(flat(lines[top - 1]!.text)) && !parseDocNumber(lines[top - 1]!.text) && !DATE_LINE.test(lines[top - 1]!.text)
          && lines[top]!.start - lines[top - 1]!.end <= 1) top--;
        if (!heads.length || top > heads[heads.length - 1]!) heads.push(top);
        break;
      }
    }
  }
  return heads;
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

export function splitDocuments(src: Source): Doc[] {
  const lines = linesOf(src);
  if (!lines.length) return [];
  const toc = parseToc(lines);
  if (toc) {
    const at = locateTitles(lines, toc.end, toc.entries);
    const starts = at.map((x, k) => ({ x, k })).filter((s): s is { x: number; k: number } => s.x !== null);
    if (starts.length >= 2) {
      return starts.map((s, n) => {
        let end = n + 1 < starts.length ? starts[n + 1]!.x : lines.length;
        // a compilation level header (二、内蒙古自治区优惠政策) before the next title is not part of this document
        while (end - 1 > s.x && /^[一二三四五六七八九十]{1,3}、.{2,20}$/.test(lines[end - 1]!.text) && levelOfHeader(lines[end - 1]!.text)) end--;
        return buildDoc(src, lines, s.x, end, toc.entries[s.k]!);
      });
    }
  }
  // no 目录: several title + 文号 heads in one file still make several documents
  const heads = numberedHeads(lines);
  if (heads.length >= 2) {
    return heads.map((h, n) => buildDoc(src, lines, h, n + 1 < heads.length ? heads[n + 1]! : lines.length, {}));
  }
  const t = findTitleLine(lines);
  if (t !== null) return [buildDoc(src, lines, t, lines.length, {})];
  // no printed title: the whole file is one document, named from its own opening sentence
  const doc = buildDoc(src, lines, 0, lines.length, {});
  doc.info.title = untitledName(lines[0]!.text);
  doc.info.issuer = null;
  return [doc];
}

export { lineAt };
