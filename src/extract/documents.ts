import type { Draft, Extractor } from "./record.js";
import { lineAt } from "../ingest/source.js";

/** One record per document found by the structure layer. */
export const extractDocuments: Extractor<"documents"> = (doc) => {
  const i = doc.info;
  const src = doc.source;
  const draft: Draft<"documents"> = {
    at: i.titleSpan.start,
    quote: i.titleSpan,
    key: i.title,
    rule: i.titleSpan.start === i.titleSpan.end || !src.text.slice(i.titleSpan.start, i.titleSpan.end).includes(i.title.slice(0, 4))
      ? "documents: no title printed; the title is the page title or the file name (contract v3)"
      : "documents: the document's title block (structure/title.ts), facts from its head and signature (doc-info.ts)",
    fields: {
      title: i.title,
      doc_number: i.doc_number,
      issuer: i.issuer,
      date: i.date,
      policy_level: i.policy_level,
      line_start: lineAt(src, i.titleSpan.start),
      line_end: lineAt(src, Math.max(doc.start, doc.end - 1)),
      region: i.region,
      region_code: i.region_code,
      plan_year: i.plan_year,
      plan_period: i.plan_period ? `${i.plan_period[0]}-${i.plan_period[1]}` : null,
    },
  };
  return [draft];
};
