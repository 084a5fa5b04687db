import type { Draft, Extractor } from "./record.js";
import { findPayouts, givingItems, mayPay } from "./subsidies/payouts.js";
import { assignBeneficiaries, type ItemFacts } from "./subsidies/recipients.js";
import { spreadSharedCaps, type SectionDrafts } from "./subsidies/shared-caps.js";
import { taxReliefs } from "./subsidies/tax-reliefs.js";
import { periodsOf, type Piece } from "../structure/clauses.js";
import { itemOf, type Item } from "./subsidies/text.js";
import { validityOf } from "./subsidies/timing.js";
import { insideUnits, mayCarry, unitClauses, unitsAfter } from "./subsidies/units.js";
import { LIST_KINDS, stripMarker } from "../shared/markers.js";

/**
 * Subsidies: every promise of money or tax relief, one record per amount per
 * beneficiary class (CONTRACT.md). Each item of a policy list goes through four
 * passes: find payouts (payouts.ts) → spread shared caps (shared-caps.ts) →
 * assign beneficiaries and fields (recipients.ts, fields.ts) → tax reliefs
 * (tax-reliefs.ts). The document carries two facts across items: the drafts of
 * each section (a combined cap reaches sibling items) and a 责任单位 list that
 * says "下同".
 */
export const extractSubsidies: Extractor<"subsidies"> = (doc) => {
  const drafts: Draft<"subsidies">[] = [];
  const section: SectionDrafts = { list: [], combinedFrom: 0 };
  let carried: string[] = [];
  // most items of a plan hold no amount, relief or 下同: they are passed before their text is joined
  const giving = givingItems(doc);
  for (let g = 0; g < giving.length; g += 2) {
    const item = itemOf(doc.blocks.slice(giving[g], giving[g + 1]));
    if (!mayPay(item.text)) {
      // most items of a plan pay nothing; a 责任单位 list of theirs that says 下同 still holds for the items after
      if (mayCarry(item.text)) for (const u of unitClauses(item.text)) if (u.carries) carried = u.units;
      continue;
    }
    const units = unitClauses(item.text);
    const inUnits = (i: number) => insideUnits(units, i);
    const periods = periodsOf(item.text);
    // plain loops: flatMap over the many short items of a plan cost more than the rest of this function
    const sentences: Piece[] = [], parts: Piece[] = [];
    for (const p of periods) { sentences.push(p.period); for (const x of p.parts) parts.push(x); }
    let terms: ItemFacts["termOf"] | null = null;
    const facts: ItemFacts = {
      item,
      periods: sentences,
      parts,
      policyLevel: doc.info.policy_level,
      // read when a record needs it: most items that name money pay none of it
      termOf: (p) => (terms ??= itemTerms(periods))(p),
      unitsOf: (from) => { const u = unitsAfter(units, from); return u.length ? u : carried; },
    };
    const payouts = findPayouts(item.text, periods, inUnits);
    // passes 2 and 3 do nothing for an item without records (no cap to spread, no recipient to name)
    if (payouts.some((p) => p.parts.some((x) => x.recs.length > 0))) {
      const parentKey = parentOf(item);
      const recs = spreadSharedCaps(item.text, payouts, parentKey, section);
      for (const d of assignBeneficiaries(facts, recs)) {
        d.rule ??= `subsidies/payouts: an amount or rate paid as ${d.fields.instrument} (instrument words: subsidy-lexicon.json), caps spread, beneficiary assigned`;
        drafts.push(d); section.list.push({ parent: parentKey, draft: d });
      }
    }
    for (const d of taxReliefs(facts, payouts, inUnits)) { d.rule ??= "subsidies/tax-reliefs: a relief term (subsidy-lexicon.json taxRelief)"; drafts.push(d); }
    for (const u of units) if (u.carries) carried = u.units;
  }
  return drafts;
};

/** The section holding the item's siblings: a combined cap reaches the records under the same parent heading. */
function parentOf(item: Item): string {
  const head = item.blocks[0];
  return (head?.heading ? head.section.slice(0, -1) : head?.section ?? []).join("\u0000");
}

/** Validity of each sentence; "98. 自2021年1月1日至2025年12月31日，对…。对…。": a term opening the item covers all of it. */
function itemTerms(periods: { period: Piece }[]): ItemFacts["termOf"] {
  const opening = periods[0] ? stripMarker(periods[0].period.text.trimStart(), LIST_KINDS) : "";
  const itemTerm = /^(?:自|至|截至)?\d{4}年\d{1,2}月\d{1,2}日/.test(opening) ? validityOf(periods[0]!.period.text) : null;
  const terms = new Map<number, ReturnType<typeof validityOf>>();
  return (p) => {
    let v = terms.get(p.start);
    if (!v) { v = validityOf(p.text); terms.set(p.start, v); }
    return v.valid_from || v.valid_to || !itemTerm ? v : itemTerm;
  };
}
