import type { Draft } from "../record.js";
import { beneficiaryFromLead, distribute, lastMarker } from "./beneficiary.js";
import { fieldsOf, keyPayOf, poolTarget, type RecordFields } from "./fields.js";
import { ANY_INSTRUMENT_RE, GOVERNMENT_RE } from "./lexicon.js";
import { firstPay, ownLast, type Rec } from "./payouts.js";
import { MAX_CLAUSE, quoteOf, srcAt, type Item, type Piece } from "./text.js";
import { frequencyOf } from "./timing.js";

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
  policyLevel: RecordFields["policy_level"];
  termOf: (period: Piece) => { valid_from: string | null; valid_to: string | null };
  unitsOf: (from: number) => string[];
}

/** a beneficiary that is only the base of the computation: 以…数额为(补助测算基数) */
const BASIS_ONLY = /^以[^，,]{2,}为$/;
/** "(一) 企业年度研发费用后补助。": a short item title before the first sentence */
const ITEM_TITLE = /^\s*(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,4}[）)]|[一二三四五六七八九十]{1,3}、)\s*([^。，,；\d\n]{2,24})。/;

/** "连续5年对A每年给予…，对B每年给予…": a term written before the first 对 of a part covers every payout of the part. */
function partTerms(text: string, recs: Rec[]): Map<Piece, { years: number }> {
  const terms = new Map<Piece, { years: number }>();
  const checked = new Set<Piece>();
  for (const r of recs) {
    if (checked.has(r.part)) continue;
    checked.add(r.part);
    const lead = text.slice(r.part.start, firstPay(r).start).replace(/\s+/g, "");
    const at = lastMarker(lead);
    const pre = at > 0 ? frequencyOf(lead.slice(0, at), []) : null;
    if (pre?.frequency === "multi_year" && pre.years) terms.set(r.part, { years: pre.years });
  }
  return terms;
}

/** "中央和自治区分别承担45%和30%的保险费补贴": a list that names who pays, not who receives, becomes the payers' shares. */
function payerShares(lead: string, split: string[]): string[] {
  const clauses = lead.replace(/\s+/g, "").split(/[，,]/).filter((c) => c.length);
  const ctx = (clauses.length > 1 ? clauses[clauses.length - 2]! : "").replace(/^(?:在|对)/, "");
  return split.map((g) => `${ctx}（${g.replace(/^.*[，,]/, "")}承担部分）`);
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
  const terms = partTerms(text, recs);
  for (const r of recs) {
    if (r.group && r.group[0] !== r) continue;
    const members = r.group ?? [r];
    const lead = text.slice(r.leadStart, firstPay(r).start);
    const base = poolTarget(text, r) ?? beneficiaryFromLead(lead);
    let split = members.length > 1 ? distribute(base, members.length) : null;
    if (split && split.every((x) => GOVERNMENT_RE.test(x))) split = payerShares(lead, split);
    let groupPerUnit: string | null = null;
    members.forEach((m, i) => {
      let who = split ? split[i]! : base;
      if (i > 0 && !split) {
        const own = beneficiaryFromLead(text.slice(m.leadStart, firstPay(m).start));
        if (own.length >= 2) who = own;
      }
      const ownLead = text.slice(m.leadStart, firstPay(m).start).trim();
      // "给予一次性专项补贴5000元和健康体检补贴1000元": a second payout joined by 和 goes to the same recipient
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
      const fields = { ...fieldsOf(text, m, who, facts.policyLevel), ...facts.termOf(m.period), responsible_units: facts.unitsOf(m.period.start) };
      // "分别给予每张床位6000元、4000元、2000元": the list shares its per-unit base
      if (i === 0) groupPerUnit = fields.per_unit;
      else fields.per_unit ??= groupPerUnit;
      const term = terms.get(m.part);
      if (term && fields.frequency === "annual") { fields.frequency = "multi_year"; fields.years = term.years; }
      // the record stands where its own amount is written, not where a shared cap is
      const keyPay = keyPayOf(m, m.pays.filter((p) => !p.shared));
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
