import type { Draft } from "../record.js";
import { continuedTaxBeneficiary, taxBeneficiary } from "./beneficiary.js";
import { TAX_RELIEF_RE, TAX_RELIEF_TERM_RE, TAX_WORD_RE } from "./lexicon.js";
import type { PeriodPayouts, Rec } from "./payouts.js";
import type { ItemFacts } from "./recipients.js";
import { quoteOf, srcAt } from "./text.js";
import type { Piece } from "../../structure/clauses.js";
import { clauseEnd, clauseStart } from "../../structure/clauses.js";

/**
 * Pass 4 of the subsidies extractor: tax reliefs, which count without a number
 * (CONTRACT.md): 免征房产税、城镇土地使用税; 超过部分减半征收. A relief in a
 * clause that already pays an amount is that amount's record (its instrument
 * says tax_relief); fee waivers (免征…费) are not tax relief.
 */

/** The reliefs of one part; `carry` holds the subject of the sentence's last relief. */
function reliefsOfPart(text: string, part: Piece, taken: Rec[], carry: { who: string | null }): { at: number; beneficiary: string }[] {
  const out: { at: number; beneficiary: string }[] = [];
  const partText = part.text;
  const taxInPart = TAX_WORD_RE.test(partText);
  let leadFrom = part.start;
  const paidClauses = new Set<number>();
  for (const r of taken) for (const p of r.pays) paidClauses.add(clauseStart(text, p.start, part.start));
  TAX_RELIEF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAX_RELIEF_RE.exec(partText))) {
    const at = part.start + m.index;
    const cs = clauseStart(text, at, part.start), ce = clauseEnd(text, at, part.end);
    if (paidClauses.has(cs)) continue;
    const relief = text.slice(at, ce).replace(/\s+/g, "");
    // fee waivers are not tax relief: 免征…费
    if (relief.endsWith("费") && !TAX_WORD_RE.test(relief)) continue;
    if (!TAX_WORD_RE.test(relief) && !taxInPart) continue;
    if (m[0] === "减按" && !TAX_WORD_RE.test(relief)) continue;
    // 免税时间自…起计算 names the relief's term, not a relief; 享受税前加计扣除的研发费用 qualifies a noun
    const rest = partText.slice(m.index + m[0].length);
    if (TAX_RELIEF_TERM_RE.test(rest) || rest.startsWith("的")) continue;
    // "…免征企业所得税，超过部分减半征收": the second relief's condition starts after the first one's clause
    const who = continuedTaxBeneficiary(taxBeneficiary(text.slice(Math.max(leadFrom, part.start), at)), carry.who);
    carry.who = who;
    leadFrom = ce + 1;
    out.push({ at, beneficiary: `${who}（${relief}）` });
  }
  return out;
}

/**
 * Can `text` hold a relief? Every relief is a TAX_RELIEF_RE match in its part, and so in the
 * item holding the part: an item without one is rejected by one search instead of one per part.
 * The global pattern itself from its start (no copy without the flag: that one was compiled
 * again); no scan of reliefsOfPart is under way when this is asked.
 */
export function mayRelieve(text: string): boolean {
  TAX_RELIEF_RE.lastIndex = 0;
  const found = TAX_RELIEF_RE.test(text);
  TAX_RELIEF_RE.lastIndex = 0;
  return found;
}

/** Pass 4: one draft per tax relief of the item. */
export function taxReliefs(facts: ItemFacts, periods: PeriodPayouts[], inUnits: (i: number) => boolean): Draft<"subsidies">[] {
  const { item } = facts;
  const drafts: Draft<"subsidies">[] = [];
  if (!mayRelieve(item.text)) return drafts;
  for (const { period, parts } of periods) {
    // "不超过500万元的部分，免征所得税；超过500万元的部分，减半征收所得税": a continuation relief keeps the sentence's subject
    const carry = { who: null as string | null };
    const found: { at: number; beneficiary: string }[] = [];
    for (const { part, recs } of parts) for (const t of reliefsOfPart(item.text, part, recs, carry)) if (!inUnits(t.at)) found.push(t);
    if (!found.length) continue;
    const { valid_from, valid_to } = facts.termOf(period);
    for (const t of found) {
      drafts.push({
        fields: {
          beneficiary: t.beneficiary, instrument: "tax_relief", amount_yuan: null, amount_max_yuan: null, amount_total_max_yuan: null, amount_min_yuan: null,
          rate_pct: null, rate_pct_high: null, rate_base: null, per_unit: null, frequency: null, responsible_units: facts.unitsOf(period.start),
          policy_level: facts.policyLevel, valid_from, valid_to, years: null,
        },
        at: srcAt(item, t.at),
        quote: quoteOf(item, period, period, t.at, t.at),
        key: `${t.beneficiary}\u0000${srcAt(item, t.at)}`,
      });
    }
  }
  return drafts;
}
