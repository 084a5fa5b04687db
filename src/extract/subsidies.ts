import type { Doc, Span } from "../structure/types.js";
import type { Draft, Extractor, Fields } from "./record.js";
import { paysOf, type Pay } from "./subsidies/amounts.js";
import { beneficiaryFromLead, continuedTaxBeneficiary, distribute, lastMarker, MARKER_RE, taxBeneficiary } from "./subsidies/beneficiary.js";
import {
  ANY_INSTRUMENT_RE, GENERIC, GENERIC_RE, POOL_RE, POOL_TARGET_RE, SPECIFIC, SPECIFIC_RE, TAX_RELIEF_RE, TAX_WORD_RE,
  type Instrument,
} from "./subsidies/lexicon.js";
import { clauseEnd, clauseStart, itemsOf, MAX_CLAUSE, periodsOf, srcAt, type Item, type Piece } from "./subsidies/text.js";
import { frequencyOf, validityOf } from "./subsidies/timing.js";
import { insideUnits, unitClauses, unitsAfter, type UnitsClause } from "./subsidies/units.js";

/**
 * Subsidies: every promise of money or tax relief, one record per amount per
 * beneficiary class (CONTRACT.md). Items of a policy list are read period by
 * period (。) and part by part (；): the payout amounts of a part (amounts.ts)
 * are grouped into records — a record holds at most one fixed amount, rate,
 * cap and floor, and a new 对-phrase starts a new one — then each record gets
 * its beneficiary (the phrase before it), instrument, frequency, per-unit
 * base, responsible units (the item's 责任单位 clause) and validity dates.
 */

interface Rec {
  pays: Pay[];
  /** item offsets: where the lead text starts, and the end of the record's last clause */
  leadStart: number;
  /** records paid "分别" as one list share this array */
  group: Rec[] | null;
  part: Piece;
  period: Piece;
  capFromSentence?: boolean;
}

const has = (r: Rec, role: Pay["role"]) => r.pays.some((p) => p.role === role);
const lastEnd = (r: Rec) => r.pays[r.pays.length - 1]!.end;
/** the record's own last payout: a cap shared from a later sentence says nothing about the clause's words */
const ownLast = (r: Rec) => r.pays.filter((p) => !p.shared).at(-1) ?? r.pays.at(-1)!;
const firstPay = (r: Rec) => r.pays[0]!;

function slotFilled(r: Rec, p: Pay): boolean {
  switch (p.role) {
    case "fixed": return has(r, "fixed") || has(r, "range");
    case "cap": return has(r, "cap") || has(r, "range");
    case "floor": return has(r, "floor") || has(r, "range");
    case "range": return has(r, "fixed") || has(r, "range") || has(r, "cap");
    case "rate": return has(r, "rate");
  }
}

const TAX_LEVY = /(?:征收|计征|调整[^，,；。]{0,12}税额标准)/;
/** a beneficiary that is only the base of the computation: 以…数额为(补助测算基数) */
const BASIS_ONLY = /^以[^，,]{2,}为$/;
/** "(一) 企业年度研发费用后补助。": a short item title before the first sentence */
const ITEM_TITLE = /^\s*(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,4}[）)]|[一二三四五六七八九十]{1,3}、)\s*([^。，,；\d\n]{2,24})。/;
/** a cap on what several awards add up to: 两项合计, 可同时享受…, 累计 */
const COMBINED_CAP_RE = /合计|同时享受|累计|叠加/;
/** Set a shared cap on a record of an earlier item that has none of its own. */
function capDraft(d: Draft<"subsidies">, yuan: number | null | undefined): void {
  const f = d.fields;
  if (yuan == null || f.instrument === "tax_relief" || f.amount_max_yuan != null) return;
  f.amount_max_yuan = yuan;
}
const GOVERNMENT_RE = /(?:^|[，,])(?:中央|中央财政|自治区|自治区财政|盟市|旗县|市级|县级|省级|各级财政)$/;
/** 单个企业…每年奖励资金不超过50万元: a sentence that only caps the awards before it */
const SHARED_CAP_LEAD = /^(?:原则上)?(?:单个|每个|同一|每家|单户|每户|每年)/;

function recordsOfPart(text: string, part: Piece, period: Piece): Rec[] {
  const pays = paysOf(part);
  if (!pays.length) return [];
  const qualifies = ANY_INSTRUMENT_RE.test(part.text) || POOL_RE.test(part.text) || (TAX_WORD_RE.test(part.text) && TAX_LEVY.test(part.text));
  if (!qualifies) return [];
  const recs: Rec[] = [];
  let cur: Rec | null = null;
  for (const p of pays) {
    let from = cur ? lastEnd(cur) : part.start;
    // the next payout's lead starts after the clause that closed the previous one ("…300万元，给予自治区级…")
    if (cur) { const ce = clauseEnd(text, from, p.start); if (ce < p.start) from = ce + 1; }
    const gap = text.slice(from, p.start);
    MARKER_RE.lastIndex = 0;
    const boundary = cur !== null && MARKER_RE.test(gap);
    if (cur && !boundary && !slotFilled(cur, p)) {
      cur.pays.push(p);
      // a cap after a 分别 list caps every award of the list
      if (p.role === "cap" && cur.group) for (const g of cur.group) if (g !== cur && !has(g, "cap") && !has(g, "range")) g.pays.push(p);
      continue;
    }
    const rec: Rec = { pays: [p], leadStart: from, group: null, part, period };
    // 分别给予 A、B、C: consecutive amounts of one role after 分别
    const inList = cur && !boundary && cur.pays.length === 1 && firstPay(cur).role === p.role
      && /^[\s、，,和及与]*(?:每[^，,；。\d]{0,10})?$/.test(gap)
      && (cur.group !== null || /分别/.test(text.slice(cur.leadStart, firstPay(cur).start)));
    if (inList) {
      cur!.group ??= [cur!];
      rec.group = cur!.group;
      rec.group.push(rec);
    }
    recs.push(rec);
    cur = rec;
  }
  return recs;
}

function instrumentOf(text: string, r: Rec): Instrument {
  const first = firstPay(r), last = ownLast(r);
  const groupLast = r.group ? r.group[r.group.length - 1]!.pays[0]! : last;
  const afterEnd = clauseEnd(text, Math.max(last.end, groupLast.end), r.part.end);
  const cs = clauseStart(text, first.start, r.part.start);
  const clause = text.slice(cs, afterEnd);
  if (TAX_WORD_RE.test(clause) && (TAX_LEVY.test(clause) || /减按|免征|减半/.test(clause))) return "tax_relief";
  // the instrument is named after the amount (给予30万元一次性奖励) or before it (每车补贴4万元)
  const afters = [...r.pays, groupLast].map((p) => text.slice(p.end, clauseEnd(text, p.end, r.part.end)));
  const before = text.slice(Math.max(r.leadStart, cs), first.start);
  const firstOf = (re: RegExp, s: string) => { re.lastIndex = 0; return re.exec(s)?.[0]; };
  const lastOf = (re: RegExp, s: string) => { re.lastIndex = 0; let m, w: string | undefined; while ((m = re.exec(s))) w = m[0]; return w; };
  for (const [re, table] of [[SPECIFIC_RE, SPECIFIC], [GENERIC_RE, GENERIC]] as const) {
    for (const a of afters) { const w = firstOf(re, a); if (w) return table[w]!; }
    const w = lastOf(re, before);
    if (w) return table[w]!;
  }
  if (POOL_RE.test(before)) return "funding";
  const w3 = firstOf(SPECIFIC_RE, text.slice(Math.max(r.part.start, first.start - MAX_CLAUSE), Math.min(r.part.end, last.end + MAX_CLAUSE)));
  if (w3) return SPECIFIC[w3]!;
  // 可申请经营规模拓展扶持，扶持的标准为：…，分别一次性给予企业10万: a generic payout word opening the part names it
  const w4 = lastGenericBefore(text, r.part, first.start);
  return w4 ? GENERIC[w4]! : "other";
}

/*
 * Per-part facts read once (a part may hold 100 000 payouts: reading the part again for each
 * would be quadratic): where its payment schedule stands, and where its generic payout words do.
 */
const schedules = new WeakMap<Piece, Array<{ at: number; years: number }>>();
/** The first payment schedule of the part at or after `from` (分三年发放 …), as multi_year with its years. */
function scheduleOf(text: string, part: Piece, from: number): { frequency: "multi_year"; years: number } | null {
  let list = schedules.get(part);
  if (!list) {
    list = [];
    const re = new RegExp(PAY_SCHEDULE.source, "g");
    const body = text.slice(part.start, part.end);
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const f = frequencyOf(m[0], []);
      if (f.frequency === "multi_year" && f.years) list.push({ at: part.start + m.index, years: f.years });
    }
    schedules.set(part, list);
  }
  const hit = list.find((x) => x.at >= from);
  return hit ? { frequency: "multi_year", years: hit.years } : null;
}

const genericWords = new WeakMap<Piece, Array<{ at: number; word: string }>>();
function lastGenericBefore(text: string, part: Piece, before: number): string | undefined {
  let list = genericWords.get(part);
  if (!list) {
    list = [];
    const re = new RegExp(GENERIC_RE.source, "g");
    const body = text.slice(part.start, part.end);
    for (let m = re.exec(body); m; m = re.exec(body)) list.push({ at: part.start + m.index, word: m[0] });
    genericWords.set(part, list);
  }
  // the last word that ends before `before` (binary search: the list is in text order)
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.at + list[mid]!.word.length <= before) lo = mid + 1; else hi = mid; }
  return lo ? list[lo - 1]!.word : undefined;
}

/** Budget pools: "安排1.4亿元支持自治区种业高质量发展" — the beneficiary is what the money is for. */
function poolTarget(text: string, r: Rec): string | null {
  const first = firstPay(r);
  const cs = clauseStart(text, first.start, r.part.start);
  const lead = text.slice(cs, first.start);
  if (!POOL_RE.test(lead) || lastMarker(lead) >= 0) return null;
  const from = r.pays[r.pays.length - 1]!.end;
  const end = clauseEnd(text, from, r.part.end);
  const own = text.slice(from, end).replace(/\s+/g, "").replace(/^(?:及以上|以上)?(?:的)?(?:专项资金|资金|经费)?/, "");
  // the money's use: right after the amount (安排20亿元专门用于…), or in one of the next clauses (…，支持…)
  const clauses = [own, ...text.slice(end, Math.min(r.part.end, end + 3 * MAX_CLAUSE)).split(/[，,；;。]/).slice(1, 4).map((c) => c.replace(/\s+/g, ""))];
  const withTarget = clauses.find((c) => POOL_TARGET_RE.test(c));
  let s = withTarget ?? clauses.find((c) => c.length >= 2) ?? "";
  const t = POOL_TARGET_RE.exec(s);
  if (t) s = s.slice(t.index + t[0].length);
  s = s.replace(/^(?:以市场化方式|专门|对于?)/, "").replace(/(?:给予|予以).*$/, "");
  return s.length >= 2 ? s : null;
}

function perUnitOf(text: string, r: Rec, p: Pay): string | null {
  if (p.perSuffix && !/^\/(?:年|月)$/.test(p.perSuffix)) return `每${p.perSuffix.slice(1)}`;
  const from = Math.max(r.leadStart, clauseStart(text, p.start, r.part.start));
  const window = text.slice(from, p.start).replace(/\s+/g, "");
  const m = /每(?![年月])([^，,；。]{1,24})$/.exec(window);
  if (!m) return null;
  const s = ("每" + m[1]).replace(/(?:给予|一次性|补贴|补助|奖励|奖补|不超过|最高|按照|按|的标准)+.*$/, "");
  return s.length >= 2 ? s : null;
}

function fieldsOf(doc: Doc, item: Item, r: Rec, beneficiary: string, units: UnitsClause[]): Fields<"subsidies"> {
  const text = item.text;
  const get = (role: Pay["role"]) => r.pays.find((p) => p.role === role);
  const fixed = get("fixed"), floor = get("floor"), range = get("range"), rate = get("rate");
  // 单笔奖励不超过100万元，累计不超过1000万元: the cap after 累计/总额 is the total cap, the other the per-payment one
  const caps = r.pays.filter((p) => p.role === "cap");
  const isTotal = (p: Pay) => TOTAL_CAP_BEFORE.test(text.slice(Math.max(0, p.start - 10), p.start));
  const totalCap = caps.length > 1 ? caps.find(isTotal) : undefined;
  const cap = caps.find((p) => p !== totalCap);
  const spanStart = Math.max(r.group ? r.group[0]!.leadStart : r.leadStart, r.leadStart - MAX_CLAUSE);
  const lastPay = r.group ? ownLast(r.group[r.group.length - 1]!) : ownLast(r);
  // bounded: a 分别 list of thousands of amounts (hostile input) must not make every member read the whole list
  const spanEnd = Math.min(clauseEnd(text, Math.max(lastPay.end, ownLast(r).end), r.part.end), ownLast(r).end + 2 * MAX_CLAUSE);
  let { frequency, years } = frequencyOf(text.slice(spanStart, spanEnd), r.pays.map((p) => p.perSuffix));
  // …最高不超过200万元，按40%、30%、30%的比例分三年发放: the schedule after the award says how it is paid
  if (!frequency) {
    const sched = scheduleOf(text, r.part, spanEnd);
    if (sched) ({ frequency, years } = sched);
  }
  const keyPay = fixed ?? cap ?? floor ?? range ?? rate ?? firstPay(r);
  return {
    beneficiary,
    instrument: instrumentOf(text, r),
    amount_yuan: fixed?.yuan ?? null,
    amount_max_yuan: cap?.yuan ?? range?.high ?? null,
    amount_total_max_yuan: totalCap?.yuan ?? null,
    amount_min_yuan: floor?.yuan ?? range?.low ?? null,
    rate_pct: rate?.rate ?? null,
    rate_pct_high: rate?.rateHigh ?? null,
    rate_base: rate?.rateBase ?? null,
    per_unit: perUnitOf(text, r, keyPay),
    frequency,
    responsible_units: unitsAfter(units, r.period.start),
    policy_level: doc.info.policy_level,
    valid_from: null,
    valid_to: null,
    years,
  };
}

/** Tax relief without a number: 免征房产税、城镇土地使用税; 超过部分减半征收. */
/** 累计不超过, 总额最高: the words before a cumulative cap */
const TOTAL_CAP_BEFORE = /(?:累计|总额|合计|总计|累积)[^，,；。\d]{0,6}$/;

/** 分三年发放, 分3年拨付: a payment schedule written after the award */
const PAY_SCHEDULE = /分(?:\d{1,2}|[一二两三四五六七八九十]{1,2})年(?:发放|拨付|兑现|支付|给予)/;

function taxReliefs(text: string, part: Piece, taken: Rec[], carry: { who: string | null }): { at: number; beneficiary: string }[] {
  const out: { at: number; beneficiary: string }[] = [];
  TAX_RELIEF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const partText = part.text;
  const taxInPart = TAX_WORD_RE.test(partText);
  let leadFrom = part.start;
  const paidClauses = new Set(taken.flatMap((r) => r.pays.map((p) => clauseStart(text, p.start, part.start))));
  while ((m = TAX_RELIEF_RE.exec(partText))) {
    const at = part.start + m.index;
    const cs = clauseStart(text, at, part.start), ce = clauseEnd(text, at, part.end);
    if (paidClauses.has(cs)) continue;
    const relief = text.slice(at, ce).replace(/\s+/g, "");
    // fee waivers are not tax relief: 免征…费
    if (/费$/.test(relief) && !TAX_WORD_RE.test(relief)) continue;
    if (!TAX_WORD_RE.test(relief) && !taxInPart) continue;
    if (m[0] === "减按" && !TAX_WORD_RE.test(relief)) continue;
    // 免税时间自…起计算 names the relief's term, not a relief
    if (/^(?:时间|期|期限|额|收入)/.test(partText.slice(m.index + m[0].length))) continue;
    // "…免征企业所得税，超过部分减半征收": the second relief's condition starts after the first one's clause
    const who = continuedTaxBeneficiary(taxBeneficiary(text.slice(Math.max(leadFrom, part.start), at)), carry.who);
    carry.who = who;
    leadFrom = ce + 1;
    out.push({ at, beneficiary: `${who}（${relief}）` });
  }
  return out;
}

/** A sentence longer than any real one (hostile input) quotes its part, then the clause around the amount. */
const MAX_QUOTE = 1000;
function quoteOf(item: Item, period: Piece, part: Piece, from: number, to: number): Span {
  let s = period.start, e = period.end;
  if (e - s > MAX_QUOTE) { s = part.start; e = part.end; }
  if (e - s > MAX_QUOTE) { s = clauseStart(item.text, from, s); e = clauseEnd(item.text, to, e); }
  return { start: srcAt(item, s), end: srcAt(item, e) };
}

export const extractSubsidies: Extractor<"subsidies"> = (doc) => {
  const drafts: Draft<"subsidies">[] = [];
  const sectionDrafts: { parent: string; draft: Draft<"subsidies"> }[] = [];
  let combinedFrom = 0;
  let carried: string[] = [];
  for (const item of itemsOf(doc)) {
    const text = item.text;
    const units = unitClauses(text);
    const unitsOf = (from: number) => { const u = unitsAfter(units, from); return u.length ? u : carried; };
    const inUnits = (i: number) => insideUnits(units, i);
    let prevRecs: Rec[] = [];
    const itemRecs: Rec[] = [];
    let capFrom = 0;
    const head = item.blocks[0];
    const parentKey = (head?.heading ? head.section.slice(0, -1) : head?.section ?? []).join("\u0000");
    const taxes: { at: number; beneficiary: string; period: Piece }[] = [];
    const periods = periodsOf(text);
    // "98. 自2021年1月1日至2025年12月31日，对…。对…。": a term opening the item covers all of it
    const opening = periods[0] ? periods[0].period.text.replace(/^\s*(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十]{1,4}[）)]|[一二三四五六七八九十]{1,3}、)?/, "") : "";
    const itemTerm = /^(?:自|至|截至)?\d{4}年\d{1,2}月\d{1,2}日/.test(opening) ? validityOf(periods[0]!.period.text) : null;
    const terms = new Map<number, ReturnType<typeof validityOf>>();
    const termOf = (p: Piece) => {
      let v = terms.get(p.start);
      if (!v) { v = validityOf(p.text); terms.set(p.start, v); }
      return v.valid_from || v.valid_to || !itemTerm ? v : itemTerm;
    };
    for (const { period, parts } of periods) {
      const periodRecs: Rec[] = [];
      // "不超过500万元的部分，免征所得税；超过500万元的部分，减半征收所得税": a continuation relief keeps the sentence's subject
      const taxCarry = { who: null as string | null };
      for (const part of parts) {
        const recs = recordsOfPart(text, part, period).filter((r) => !inUnits(firstPay(r).start));
        for (const r of recs) periodRecs.push(r);
        for (const t of taxReliefs(text, part, recs, taxCarry)) if (!inUnits(t.at)) taxes.push({ ...t, period });
      }
      // a sentence that only states a cap ("单个企业…每年奖励资金不超过50万元。") caps the awards of the sentence before
      const capOnly = periodRecs.length > 0 && periodRecs.every((r) => r.pays.every((p) => p.role === "cap"));
      const lead = period.text.replace(/^\s+/, "");
      MARKER_RE.lastIndex = 0;
      const cap = capOnly ? firstPay(periodRecs[0]!) : null;
      // the cap's own clause names its scope ("…可同时享受…，单个企业年度支持资金最多不超过500万元")
      const capAt = cap ? clauseStart(text, cap.start, period.start) : period.start;
      const capClause = text.slice(capAt, cap ? cap.start : capAt).replace(/\s+/g, "");
      // …but a sentence that gives an award itself ("按照…给予财政资金奖补，单个企业每年最高奖补500万元") is that award's record
      const scoped = SHARED_CAP_LEAD.test(lead) || (SHARED_CAP_LEAD.test(capClause) && !/给予|予以/.test(text.slice(period.start, capAt)));
      if (cap && scoped && !MARKER_RE.test(lead)) {
        // a cap on the sum of awards ("两项合计", "可同时享受") caps the awards of the sibling items too
        if (COMBINED_CAP_RE.test(period.text)) {
          // each earlier record is visited by one combined cap at most: linear on a document of many such sentences
          for (let k = combinedFrom; k < sectionDrafts.length; k++) if (sectionDrafts[k]!.parent === parentKey) capDraft(sectionDrafts[k]!.draft, cap.yuan);
          combinedFrom = sectionDrafts.length;
        }
        // a per-recipient cap ending a run of sentences ("每个企业最高补贴1000万元。") caps each award since the last such cap
        const targets = itemRecs.slice(capFrom);
        for (const r of targets.length ? targets : prevRecs) if (!has(r, "cap") && !has(r, "range")) r.pays.push({ ...cap, shared: true });
        capFrom = itemRecs.length;
        continue;
      }
      for (const r of periodRecs) itemRecs.push(r);
      prevRecs = /^(?:同时|并|另)/.test(lead) ? prevRecs.concat(periodRecs) : periodRecs;
    }
    // a class named alone ("旅居型按…", "其中，充电车每车…") belongs to the recipient named before it
    let parent: string | null = null;
    const withParent = (who: string, r: Rec): string => {
      const sub = /^(.+)（([^（）]{1,12})）$/.exec(who);
      if (sub) { parent = sub[1]!; return who; }
      if (who.length > 6 || /[的，,]/.test(who)) { parent = null; return who; }
      if (/^\s*其中/.test(text.slice(r.leadStart, firstPay(r).start)) || parent === null) {
        const prev = text.slice(Math.max(0, r.period.start - MAX_CLAUSE), r.period.start);
        const m = /([^。；\n]{4,})(?:给予|予以)[^。；\n]{0,12}(?:补贴|补助|奖励|奖补|支持)。$/.exec(prev);
        if (m && /^\s*其中/.test(text.slice(r.leadStart, firstPay(r).start))) parent = beneficiaryFromLead(m[1]!);
      }
      return parent ? `${parent}（${who}）` : who;
    };
    let prevWho: string | null = null;
    let prevPart: Piece | null = null;
    // "连续5年对A每年给予…，对B每年给予…": a term written before the first 对 of a part covers every payout of the part
    const partTerm = new Map<Piece, { years: number }>();
    const termChecked = new Set<Piece>();
    for (const r of itemRecs) {
      // once per part: the term stands before the part's first payout
      if (termChecked.has(r.part)) continue;
      termChecked.add(r.part);
      const lead = text.slice(r.part.start, firstPay(r).start).replace(/\s+/g, "");
      const at = lastMarker(lead);
      const pre = at > 0 ? frequencyOf(lead.slice(0, at), []) : null;
      if (pre?.frequency === "multi_year" && pre.years) partTerm.set(r.part, { years: pre.years });
    }
    for (const r of itemRecs) {
      if (r.group && r.group[0] !== r) continue;
      const members = r.group ?? [r];
      const lead = text.slice(r.leadStart, firstPay(r).start);
      const pool = poolTarget(text, r);
      const base = pool ?? beneficiaryFromLead(lead);
      let split = members.length > 1 ? distribute(base, members.length) : null;
      // "中央和自治区分别承担45%和30%的保险费补贴": the list names who pays, not who receives
      if (split && split.every((x) => GOVERNMENT_RE.test(x))) {
        const clauses = lead.replace(/\s+/g, "").split(/[，,]/).filter((c) => c.length);
        const ctx = (clauses.length > 1 ? clauses[clauses.length - 2]! : "").replace(/^(?:在|对)/, "");
        split = split.map((g) => `${ctx}（${g.replace(/^.*[，,]/, "")}承担部分）`);
      }
      let groupPerUnit: string | null = null;
      members.forEach((m, i) => {
        let who = split ? split[i]! : base;
        if (i > 0 && !split) {
          const own = beneficiaryFromLead(text.slice(m.leadStart, firstPay(m).start));
          if (own.length >= 2) who = own;
        }
        // "给予一次性专项补贴5000元和健康体检补贴1000元": a second payout joined by 和 goes to the same recipient
        const ownLead = text.slice(m.leadStart, firstPay(m).start).trim();
        if (prevWho && m.part === prevPart && /^(?:和|及)/.test(ownLead) && lastMarker(ownLead) < 0 && ANY_INSTRUMENT_RE.test(ownLead)) who = prevWho;
        // "…6000元、4000元、2000元的一次性建设补贴，按机构等级和实际入住人数每张床位每月给予100—300元": same recipient, another basis
        const basisLead = ownLead.replace(/^[，,]/, "");
        if (prevWho && m.part === prevPart && i === 0 && /^(?:按照|按|依据|根据)/.test(basisLead) && lastMarker(basisLead) < 0) {
          const basis = basisLead.replace(/(?:每(?![年月])|给予|予以|一次性).*$/, "");
          if (basis.length >= 4) who = `${prevWho.replace(/（[^（）]*）$/, "")}（${basis}）`;
        }
        // "同时以上年度屠宰加工数量为基数，年屠宰量每增加5万只，给予10万元补贴": the same recipient, on a further basis
        if (prevWho && /^同时/.test(ownLead) && lastMarker(ownLead) < 0) {
          const basis = /(以[^，,；。]{2,30}为基数)/.exec(ownLead);
          who = basis ? `${prevWho.replace(/（[^（）]*为基数）$/, "")}（${basis[1]}）` : prevWho;
        }
        // "(一) 企业年度研发费用后补助。以…研发费用数额为补助测算基数，按照…的1%给予后补助": only a basis precedes the
        // payout, so the item's own title names what is paid
        if (BASIS_ONLY.test(who)) {
          const title = ITEM_TITLE.exec(text);
          if (title) who = title[1]!;
        }
        who = withParent(who, m);
        prevWho = who;
        prevPart = m.part;
        const fields = { ...fieldsOf(doc, item, m, who, units), ...termOf(m.period), responsible_units: unitsOf(m.period.start) };
        // "分别给予每张床位6000元、4000元、2000元": the list shares its per-unit base
        if (i === 0) groupPerUnit = fields.per_unit;
        else fields.per_unit ??= groupPerUnit;
        const term = partTerm.get(m.part);
        if (term && fields.frequency === "annual") { fields.frequency = "multi_year"; fields.years = term.years; }
        // the record stands where its own amount is written, not where a shared cap is
        const own = m.pays.filter((p) => !p.shared);
        const keyPay = (["fixed", "cap", "floor", "range", "rate"] as const).map((role) => own.find((p) => p.role === role)).find((p) => p) ?? firstPay(m);
        const draft: Draft<"subsidies"> = {
          fields,
          at: srcAt(item, keyPay.start),
          quote: quoteOf(item, m.period, m.part, firstPay(m).start, ownLast(m).end),
          // the amount's offset in the source tells apart equal clauses of two documents of one file
          key: `${who}\u0000${srcAt(item, keyPay.start)}`,
        };
        drafts.push(draft);
        sectionDrafts.push({ parent: parentKey, draft });
      });
    }
    for (const t of taxes) {
      const { valid_from, valid_to } = termOf(t.period);
      drafts.push({
        fields: {
          beneficiary: t.beneficiary, instrument: "tax_relief", amount_yuan: null, amount_max_yuan: null, amount_total_max_yuan: null, amount_min_yuan: null,
          rate_pct: null, rate_pct_high: null, rate_base: null, per_unit: null, frequency: null, responsible_units: unitsOf(t.period.start),
          policy_level: doc.info.policy_level, valid_from, valid_to, years: null,
        },
        at: srcAt(item, t.at),
        quote: quoteOf(item, t.period, t.period, t.at, t.at),
        key: `${t.beneficiary}\u0000${srcAt(item, t.at)}`,
      });
    }
    for (const u of units) if (u.carries) carried = u.units;
  }
  return drafts;
};
