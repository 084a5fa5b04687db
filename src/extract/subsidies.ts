import type { Draft, Extractor } from "./record.js";
import { findPayouts } from "./subsidies/payouts.js";
import { assignBeneficiaries, type ItemFacts } from "./subsidies/recipients.js";
import { spreadSharedCaps, type SectionDrafts } from "./subsidies/shared-caps.js";
import { taxReliefs } from "./subsidies/tax-reliefs.js";
import { periodsOf, type Piece } from "../structure/clauses.js";
import { itemsOf, type Item } from "./subsidies/text.js";
import { validityOf } from "./subsidies/timing.js";
import { insideUnits, unitClauses, unitsAfter } from "./subsidies/units.js";
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
  for (const item of itemsOf(doc)) {
    const units = unitClauses(item.text);
    const inUnits = (i: number) => insideUnits(units, i);
    const periods = periodsOf(item.text);
    const facts: ItemFacts = {
      item,
      periods: periods.map((p) => p.period),
      parts: periods.flatMap((p) => p.parts),
      policyLevel: doc.info.policy_level,
      termOf: itemTerms(periods),
      unitsOf: (from) => { const u = unitsAfter(units, from); return u.length ? u : carried; },
    };
    const payouts = findPayouts(item.text, periods, inUnits);
    const parentKey = parentOf(item);
    const recs = spreadSharedCaps(item.text, payouts, parentKey, section);
    for (const d of assignBeneficiaries(facts, recs)) {
      d.rule ??= `subsidies/payouts: an amount or rate paid as ${d.fields.instrument} (instrument words: subsidy-lexicon.json), caps spread, beneficiary assigned`;
      drafts.push(d); section.list.push({ parent: parentKey, draft: d });
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
