import { mapPacked } from "../../shared/arrays.js";
import type { Draft } from "../record.js";
import { beneficiaryFromLead, distribute, isWeakBeneficiary, lastMarker } from "./beneficiary.js";
import { fieldsOf, keyPayOf, poolTarget, type RecordFields } from "./fields.js";
import { ANY_INSTRUMENT_RE, GOVERNMENT_RE } from "./lexicon.js";
import { firstPay, ownLast, type Rec } from "./payouts.js";
import { quoteOf, srcAt, type Item } from "./text.js";
import type { Piece } from "../../structure/clauses.js";
import { clauseStart, MAX_CLAUSE } from "../../structure/clauses.js";
import { frequencyOf, termAfter } from "./timing.js";
import { LIST_KINDS, markerLength } from "../../shared/markers.js";
import { startsWithAny } from "../../shared/lexicon.js";

/**
 * Pass 3 of the subsidies extractor: assign beneficiaries and make the drafts.
 * Each record's recipient is the condition phrase before its payout
 * (beneficiary.ts); a 分别 list shares one phrase split into its tiers; a
 * class named alone ("旅居型按…", "其中，充电车每车…") belongs to the recipient
 * named before it; a payout joined by 和/同时/按… to the one before keeps its
 * recipient.
 */

/** What the item gives every record: its text, validity, responsible units and policy level. */
export interface ItemFacts {
  item: Item;
  /** the item's sentences, in order */
  periods: Piece[];
  /** the item's parts (sentences split at ；), in order */
  parts: Piece[];
  policyLevel: RecordFields["policy_level"];
  termOf: (period: Piece) => { valid_from: string | null; valid_to: string | null };
  unitsOf: (from: number) => string[];
}

/** a beneficiary that is only the base of the computation: 以…数额为(补助测算基数) */
const BASIS_ONLY = /^以[^，,]{2,}为$/;
/** "(一) 企业年度研发费用后补助。": a short item title before the first sentence */
const ITEM_TITLE = /^([^。，,；\d\n]{2,24})。/;
/** the short title after an item's list marker (shared/markers.ts), or null when the item opens with none */
function itemTitle(text: string): string | null {
  const t = text.trimStart();
  const n = markerLength(t, LIST_KINDS);
  return n ? ITEM_TITLE.exec(t.slice(n))?.[1] ?? null : null;
}

/** "连续5年对A每年给予…，对B每年给予…": a term written before the first 对 of a part covers every payout of the part. */
function partTerms(text: string, recs: Rec[]): Map<Piece, { years: number }> {
  const terms = new Map<Piece, { years: number }>();
  const checked = new Set<Piece>();
  for (const r of recs) {
    if (checked.has(r.part)) continue;
    checked.add(r.part);
    const lead = text.slice(r.part.start, firstPay(r).start).replace(/\s+/g, "");
    // a term is written with 年 (连续5年, 3年内: timing.ts MULTI_YEAR): a lead without one before its last 对 holds
    // none, and most leads hold no 年 at all (neither the marker search nor the frequency is read for them)
    const nian = lead.indexOf("年");
    if (nian < 0) continue;
    const at = lastMarker(lead);
    const pre = at > nian ? frequencyOf(lead.slice(0, at), []) : null;
    if (pre?.frequency === "multi_year" && pre.years) terms.set(r.part, { years: pre.years });
  }
  return terms;
}

/** "中央和自治区分别承担45%和30%的保险费补贴": a list that names who pays, not who receives, becomes the payers' shares. */
function payerShares(lead: string, split: string[]): string[] {
  const clauses = lead.replace(/\s+/g, "").split(/[，,]/).filter((c) => c.length);
  const ctx = (clauses.length > 1 ? clauses[clauses.length - 2]! : "").replace(/^(?:在|对)/, "");
  return mapPacked(split, (g) => `${ctx}（${g.replace(/^.*[，,]/, "")}承担部分）`);
}

/** Pass 3: one draft per record, in text order, with its beneficiary and fields. */
export function assignBeneficiaries(facts: ItemFacts, recs: Rec[]): Draft<"subsidies">[] {
  const { item } = facts;
  const text = item.text;
  const drafts: Draft<"subsidies">[] = [];
  let parent: string | null = null;
  // a class named alone ("旅居型按…", "其中，充电车每车…") belongs to the recipient named before it
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
  let prevPeriod: Piece | null = null;
  const terms = partTerms(text, recs);
  for (const r of recs) {
    if (r.group && r.group[0] !== r) continue;
    const members = r.group ?? [r];
    const lead = text.slice(r.leadStart, firstPay(r).start);
    let base = poolTarget(text, r) ?? useOf(text, r) ?? beneficiaryFromLead(lead);
    // "按照其自理（含半失能）、失能的身体情况，…分别提高到…": the basis lists the tiers; the recipient is named before
    if (members.length > 1 && (isWeakBeneficiary(base) || TIER_BASIS.test(base))) base = recipientBefore(facts, r.part, "");
    let split = members.length > 1 ? tiersOf(lead, base, members.length) : null;
    if (split && split.every((x) => GOVERNMENT_RE.test(x))) split = payerShares(lead, split);
    let groupPerUnit: string | null = null;
    let head: RecordFields | null = null;
    members.forEach((m, i) => {
      let who = split ? split[i]! : base;
      if (i > 0 && !split) {
        const own = beneficiaryFromLead(text.slice(m.leadStart, firstPay(m).start));
        if (own.length >= 2) who = own;
      }
      const ownLead = text.slice(m.leadStart, firstPay(m).start).trim();
      // "给予一次性专项补贴5000元和健康体检补贴1000元": a second payout joined by 和 goes to the same recipient
      if (prevWho && m.part === prevPart && (ownLead.startsWith("和") || ownLead.startsWith("及")) && lastMarker(ownLead) < 0 && ANY_INSTRUMENT_RE.test(ownLead)) who = prevWho;
      // "…6000元、4000元、2000元的一次性建设补贴，按机构等级和实际入住人数每张床位每月给予100—300元": same recipient, another basis
      const basisLead = ownLead.startsWith("，") || ownLead.startsWith(",") ? ownLead.slice(1) : ownLead;
      if (prevWho && m.part === prevPart && i === 0 && startsWithAny(basisLead, BASIS_LEADS) !== null && lastMarker(basisLead) < 0) {
        const basis = basisLead.replace(/(?:每(?![年月])|给予|予以|一次性).*$/, "");
        if (basis.length >= 4) who = `${prevWho.replace(/（[^（）]*）$/, "")}（${basis}）`;
      }
      // "同时以上年度屠宰加工数量为基数，年屠宰量每增加5万只，给予10万元补贴": the same recipient, on a further basis
      if (prevWho && ownLead.startsWith("同时") && lastMarker(ownLead) < 0) {
        const basis = /(以[^，,；。]{2,30}为基数)/.exec(ownLead);
        who = basis ? `${prevWho.replace(/（[^（）]*为基数）$/, "")}（${basis[1]}）` : prevWho;
      }
      // "(一) 企业年度研发费用后补助。以…研发费用数额为补助测算基数，按照…的1%给予后补助": only a basis precedes the
      // payout, so the item's own title names what is paid
      if (BASIS_ONLY.test(who)) {
        const title = itemTitle(text);
        if (title) who = title;
      }
      // "…挂牌企业，…补贴额度最高不超过150万元；成功升板后，按照…给予补贴": the recipient of the sentence's payout before
      if ((isWeakBeneficiary(who) || startsWithAny(who, BASIS_LEADS) !== null) && prevWho && prevPeriod === m.period) who = withClass(prevWho.replace(/（[^（）]*）$/, ""), stepOf(ownLead) ?? "");
      // "给予租赁费用10%的补贴": what follows 给予 is the rate's base; the recipient is in the clauses before
      if (m.pays[0]!.role === "rate" && m.pays[0]!.rateBase && who === m.pays[0]!.rateBase) {
        const earlier = beneficiaryFromLead(text.slice(m.leadStart, clauseStart(text, firstPay(m).start, m.leadStart)));
        if (!isWeakBeneficiary(earlier)) who = earlier;
      }
      // "一是新增养老床位补贴。市财政给予新建每张床位…": a recipient the sentence does not name is the one named before
      if (isWeakBeneficiary(who) || (who.length <= 4 && !who.includes("的") && kindBefore(facts, m.period))) who = recipientBefore(facts, m.part, who);
      who = withParent(who, m);
      prevWho = who;
      prevPart = m.part;
      prevPeriod = m.period;
      // a 分别 list is one payout: its members share the instrument and frequency read for the whole list
      // set on the fields' own object (its keys already in their order): spreads into a new literal cost more interpreted
      const fields = fieldsOf(text, m, who, facts.policyLevel, head, i === 0 && members.length > 1);
      const validity = facts.termOf(m.period);
      fields.valid_from = validity.valid_from;
      fields.valid_to = validity.valid_to;
      fields.responsible_units = facts.unitsOf(m.period.start);
      if (i === 0) head = fields;
      // "分别给予每张床位6000元、4000元、2000元": the list shares its per-unit base
      if (i === 0) groupPerUnit = fields.per_unit;
      else fields.per_unit ??= groupPerUnit;
      const term = terms.get(m.part);
      if (term && fields.frequency === "annual") { fields.frequency = "multi_year"; fields.years = term.years; }
      // "…扶持20%。扶持期限为三年。", "…每家企业每年最高不超过2万元，享受补贴不超过2年": the payouts' term
      if (fields.frequency === null || fields.frequency === "annual") {
        const after = termOfPayout(facts, m);
        if (after) { fields.frequency = "multi_year"; fields.years = after; }
      }
      // the record stands where its own amount is written, not where a shared cap is
      const keyPay = keyPayOf(m, true);
      drafts.push({
        fields,
        at: srcAt(item, keyPay.start),
        quote: quoteOf(item, m.period, m.part, firstPay(m).start, ownLast(m).end),
        // the amount's offset in the source tells apart equal clauses of two documents of one file
        key: `${who}\u0000${srcAt(item, keyPay.start)}`,
      });
    });
  }
  return drafts;
}

/** "全市…的彩票公益金，50%以上用于支持发展养老服务业": a share of a fund goes to its use. */
function useOf(text: string, r: Rec): string | null {
  const first = firstPay(r);
  if (first.role !== "rate") return null;
  const after = text.slice(first.end, first.end + 40);
  // most rates state no use: USE_RE is run (and compiled) only after one that names 用于
  const m = after.includes(USE) ? USE_RE.exec(after) : null;
  return m ? m[1]! : null;
}
const USE = "用于";
const USE_RE = new RegExp(`^(?:以上)?(?:的(?:资金|经费))?[，,]?(?:专门)?${USE}(?:支持|扶持)?([^，,；。]{2,30})`);

const TIER_BASIS = /^(?:按照|按|根据|依据)(?:其|困难老年人)?/;
/**
 * The n recipients of a 分别 list of n payouts. The phrase itself may list them ("首次入选A、B的企业");
 * a basis clause may list the tiers of one recipient ("对…老年人的居家养老服务补贴，按照身体自理、半失能和失能
 * 状况，…分别提高到…": the recipient with each tier); or an earlier clause lists the conditions while the
 * clause of the payout names the recipient ("…超过1亿元、5亿元、10亿元的配套项目，分别给予引进企业…").
 */
function tiersOf(lead: string, base: string, n: number): string[] | null {
  const clauses = lead.replace(/\s+/g, "").split(/[，,。；;]/).filter((c) => c.length >= 2);
  for (let k = clauses.length - 1; k >= 0; k--) {
    const c = clauses[k]!;
    if (!TIER_BASIS.test(c)) continue;
    // "按照新建、改扩建、租赁三种开办方式分别给予…": the tiers end where the payout starts; "三种…方式" only counts them
    const basis = c.replace(TIER_BASIS, "").replace(/(?:分别|给予|予以|每(?![年月])).*$/, "").replace(/[一二两三四五六七八九十\d]+(?:种|类|项)[^、]{0,8}$/, "");
    const tiers = distribute(basis, n);
    if (tiers) return mapPacked(tiers, (t) => withClass(base, t));
  }
  const own = distribute(base, n);
  if (own) return own;
  for (let k = clauses.length - 1; k >= 0; k--) {
    const c = clauses[k]!.replace(/^[^，,]*?(?:对于?|凡)(?=[^，,]{4,})/, "");
    if (c === base || /给予|予以|分别/.test(c)) continue;
    const tiers = distribute(c, n);
    if (tiers) return base && !isWeakBeneficiary(base) && base.length <= 8 ? mapPacked(tiers, (t) => `${t}（${base}）`) : tiers;
  }
  return null;
}

/** "机构（运营补贴）" + "失能" → "机构（运营补贴，失能）": a class added to a recipient */
function withClass(who: string, cls: string): string {
  if (!who) return cls;
  if (!cls) return who;
  return who.endsWith("）") ? `${who.slice(0, -1)}，${cls}）` : `${who}（${cls}）`;
}

/** "一是新增养老床位补贴。": a sentence that only names the kind of payout the next ones set */
const KIND_HEADER = /^\s*[一二三四五六七八九十]是([^。，,；]{2,24})[。；]?\s*$/;
function kindBefore(facts: ItemFacts, period: Piece): string | null {
  const i = periodIndex(facts.periods, period.start);
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const m = KIND_HEADER.exec(facts.periods[k]!.text);
    if (m) return m[1]!;
  }
  return null;
}

/** "支持企业技术中心及新产品(新技术）研制" (a chapter heading): what the chapter supports */
const SUPPORT_HEADING = /^(?:第[一二三四五六七八九十百\d]+[章节部分]\s*)?(?:支持|扶持|鼓励|促进)(.{2,30})$/;
/**
 * The recipient a sentence leaves unnamed: the nearest sentence (or ；-part) before it in the item that names one
 * (its purpose 用于… when it states one), past a kind header ("一是…"), which is kept; else the object
 * of the heading above ("第五章 支持…"). `who` is the sentence's own weak phrase, kept as the class.
 */
function recipientBefore(facts: ItemFacts, part: Piece, who: string): string {
  const i = periodIndex(facts.parts, part.start);
  let kind: string | null = null, parent: string | null = null;
  for (let k = i - 1; k >= Math.max(0, i - 8) && !parent; k--) {
    const sentence = facts.parts[k]!.text.replace(/\s+/g, "");
    const header = KIND_HEADER.exec(sentence);
    if (header) { kind ??= header[1]!; continue; }
    // a sentence with its own amounts speaks of its own recipient
    if (AMOUNT_RE.test(sentence)) continue;
    const purpose = /用于([^，,；。]{2,30})/.exec(sentence);
    const p = purpose ? purpose[1]! : beneficiaryFromLead(sentence.replace(/[。；;]$/, ""));
    if (!isWeakBeneficiary(p)) parent = p;
  }
  if (!parent) {
    const path = facts.item.blocks[0]?.section ?? [];
    for (let k = path.length - 1; k >= 0 && !parent; k--) parent = SUPPORT_HEADING.exec(path[k]!.replace(/\s+/g, ""))?.[1] ?? null;
  }
  if (!parent) return who;
  const cls = [kind, isWeakBeneficiary(who) ? null : who].filter((x): x is string => !!x);
  return cls.length ? `${parent}（${cls.join("，")}）` : parent;
}

/** "按照经审核后的上市票据实际发生额": a basis of computation only (tested by startsWith: no pattern to compile) */
const BASIS_LEADS = ["按照", "按", "根据", "依据"];
/**
 * an amount of money or a rate: a sentence holding one pays someone of its own. Only tested, so the number's
 * last character is enough: [\d.]+ here re-read a run of n digits from each of its starts (n² on hostile input).
 */
const AMOUNT_RE = /[\d.]\s*(?:万|亿)?元|[\d.]\s*[%‰]/;
/** "成功升板后": the step after which a payout is made, kept as the class of the recipient named before */
const stepOf = (lead: string) => /([^，,；。]{2,12}后)[，,]/.exec(lead)?.[1] ?? null;

/** A term after the record, in its own sentence or in a sentence of its own that pays nothing. */
function termOfPayout(facts: ItemFacts, r: Rec): number | null {
  const t = termAfter(facts.item, ownLast(r).end);
  if (!t) return null;
  if (t.at < r.period.end) return t.years;
  const p = facts.periods[periodIndex(facts.periods, t.at)];
  return p && !AMOUNT_RE.test(p.text) ? t.years : null;
}

/** Index of the sentence holding item offset `at` (sentences are in order; binary search keeps long items linear). */
function periodIndex(periods: Piece[], at: number): number {
  let lo = 0, hi = periods.length - 1, best = -1;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (periods[mid]!.start <= at) { best = mid; lo = mid + 1; } else hi = mid - 1; }
  return best;
}
