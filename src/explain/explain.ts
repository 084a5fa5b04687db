import { EXTRACTORS } from "../extract/index.js";
import { projectCandidates } from "../extract/projects.js";
import { finalizeDrafts, normalizeQuote } from "../extract/record.js";
import type { DropSink } from "../extract/record.js";
import type { RecordType } from "../generated/records.js";
import { lineAt } from "../ingest/source.js";
import type { Source } from "../ingest/source.js";
import { splitDocuments } from "../structure/documents.js";
import type { Doc } from "../structure/types.js";

/**
 * `extract FILE --explain`: for each record, the rule that made it (the pass
 * and the data entry, from `Draft.rule`), and for each candidate an extractor
 * considered and dropped, the exclusion that removed it. This is how a
 * researcher checks a surprising record and how a developer reads a miss.
 * Candidates with reasons are traced where an extractor names them: projects
 * (`projectCandidates`) and targets in prose (the `DropSink` an extractor takes,
 * called only when explaining); the other passes drop without naming.
 */
export interface Explained {
  records: Array<{ type: RecordType; id: string; line: number; quote: string; rule: string; fields: Record<string, unknown> }>;
  dropped: Array<{ type: RecordType; line: number; name: string; why: string; quote: string }>;
}

/** What the records would carry that is not provenance: the fields a reader checks. */
const PROVENANCE = new Set(["id", "source_file", "source_line", "source_page", "quote", "doc_title", "section"]);

export function explainSource(src: Source, types: readonly RecordType[]): Explained {
  const out: Explained = { records: [], dropped: [] };
  for (const doc of splitDocuments(src)) {
    for (const t of types) {
      const sink: DropSink = (at, name, why, quote) => {
        out.dropped.push({ type: t, line: lineAt(src, at), name, why, quote: normalizeQuote(src.text.slice(quote.start, quote.end)) });
      };
      const drafts = (EXTRACTORS[t] as (d: Doc, dropped: DropSink) => never[])(doc, sink);
      for (const { record, draft } of finalizeDrafts(t, doc, drafts)) {
        const r = record as unknown as Record<string, unknown>;
        out.records.push({
          type: t, id: String(r.id), line: Number(r.source_line), quote: String(r.quote),
          rule: (draft as { rule?: string }).rule ?? `${t}: (no rule named)`,
          fields: Object.fromEntries(Object.entries(r).filter(([k, v]) => !PROVENANCE.has(k) && v !== null && !(Array.isArray(v) && !v.length))),
        });
      }
    }
    if (types.includes("projects")) {
      for (const c of projectCandidates(doc)) {
        if (!c.why) continue;
        out.dropped.push({ type: "projects", line: lineAt(src, c.draft.at), name: c.draft.fields.name, why: c.why, quote: normalizeQuote(src.text.slice(c.draft.quote.start, c.draft.quote.end)) });
      }
    }
  }
  out.records.sort((a, b) => a.line - b.line || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  out.dropped.sort((a, b) => a.line - b.line);
  return out;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

/** The trace as text: one block per record in line order, then the dropped candidates. */
export function explainText(file: string, e: Explained): string {
  const lines: string[] = [`${file}: ${e.records.length} record(s), ${e.dropped.length} dropped candidate(s)`, ""];
  for (const r of e.records) {
    lines.push(`${file}:${r.line}  ${r.type}  ${r.id}`);
    lines.push(`  quote: ${clip(r.quote, 120)}`);
    lines.push(`  rule:  ${r.rule}`);
    lines.push(`  got:   ${clip(Object.entries(r.fields).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("|") : String(v)}`).join("  "), 200)}`);
  }
  if (e.dropped.length) {
    lines.push("", "dropped candidates:");
    for (const d of e.dropped) lines.push(`${file}:${d.line}  ${d.type}  ${d.name}  — ${d.why}`);
  }
  return lines.join("\n") + "\n";
}
