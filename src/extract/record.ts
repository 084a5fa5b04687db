import { hash } from "node:crypto";
import { lineAt, pageAt } from "../ingest/source.js";
import type { RecordOf, RecordType } from "../generated/records.js";
import { clauseEnd, clauseStart } from "../structure/clauses.js";
import type { Block, Doc, Span } from "../structure/types.js";
import { indices, mapPacked } from "../shared/arrays.js";

/** Fields every record has; extractors never set them, `finalize` derives them from spans. */
export type CommonField = "id" | "source_file" | "source_line" | "source_page" | "quote" | "doc_title" | "section";
export type Fields<T extends RecordType> = Omit<RecordOf[T], CommonField>;

/** What an extractor returns: the contract fields plus where they came from. */
export interface Draft<T extends RecordType> {
  fields: Fields<T>;
  /** offset in Source.text of the key value (amount, target number, name): gives source_line */
  at: number;
  /** the sentence or table row the record was read from */
  quote: Span;
  /** text identifying the record among its siblings, for the stable id (defaults to the quote) */
  key?: string;
  /** the pass (and data entry) that made it: shown by `extract --explain`, never written into a record */
  rule?: string;
}

/**
 * Where a pass reports a candidate it dropped and why (`extract --explain`).
 * Passed only when explaining: without it a pass does no extra work.
 */
export type DropSink = (at: number, name: string, why: string, quote: Span) => void;

/** An extractor is a pure function of one document (`dropped`: the optional trace of exclusions). */
export type Extractor<T extends RecordType> = (doc: Doc, dropped?: DropSink) => Draft<T>[];

const ID_PREFIX: Record<RecordType, string> = {
  documents: "doc", targets: "tgt", projects: "prj", railways: "rwy", highways: "hwy", subsidies: "sub",
};

export const normalizeQuote = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * A record's quote is its sentence; a sentence can run on without end (a page of
 * 10⁴ comma clauses and no 。), and quoting all of it in each of its records made
 * output — and time — quadratic. Past MAX_QUOTE characters (no real sentence comes
 * near: the longest quote of the seeds and both corpora is 255) the quote is the
 * clause holding the record's value (src/structure/clauses.ts), itself bounded.
 */
export const MAX_QUOTE = 1000;
export function quoteSpan(text: string, quote: Span, at: number): Span {
  if (quote.end - quote.start <= MAX_QUOTE) return quote;
  const a = Math.min(Math.max(at, quote.start), quote.end);
  return { start: clauseStart(text, a, quote.start), end: clauseEnd(text, a, quote.end) };
}

/** Block containing an offset (blocks are sorted and disjoint). */
export function blockAt(doc: Doc, offset: number): Block | undefined {
  const b = doc.blocks;
  let lo = 0, hi = b.length - 1, best: Block | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid]!.start <= offset) { best = b[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/**
 * Drafts in document order (by offset, then as given): an extractor mostly gives
 * them in order already, and one pass finds that without a sort's comparator calls.
 * (Arrays here and in finalize: mapPacked, shared/arrays.ts.)
 */
function inOrder<T extends RecordType>(drafts: Draft<T>[]): Draft<T>[] {
  let sorted = true;
  for (let i = 1; i < drafts.length && sorted; i++) sorted = drafts[i - 1]!.at <= drafts[i]!.at;
  if (sorted) return drafts;
  const order = indices(drafts.length).sort((a, b) => drafts[a]!.at - drafts[b]!.at || a - b);
  return mapPacked(order, (i) => drafts[i]!);
}

/** A heading path as a record writes it; blocks under one heading share its array, so it is joined once. */
const joinedSections = new WeakMap<readonly string[], string>();
function sectionText(section: readonly string[] | undefined): string {
  if (!section || !section.length) return "";
  let s = joinedSections.get(section);
  if (s === undefined) joinedSections.set(section, (s = section.join(" > ")));
  return s;
}

/**
 * Turn drafts into records: provenance (source_line, page, quote), document
 * title, section path and a stable id. The id hashes (file, type, key,
 * occurrence of that key in document order): never run order or time.
 */
export function finalize<T extends RecordType>(type: T, doc: Doc, drafts: Draft<T>[]): RecordOf[T][] {
  const seen = new Map<string, number>();
  return mapPacked(inOrder(drafts), (d) => recordOf(type, doc, d, seen));
}

/** `finalize`, keeping each record's draft beside it (for `extract --explain`). */
export function finalizeDrafts<T extends RecordType>(type: T, doc: Doc, drafts: Draft<T>[]): Array<{ record: RecordOf[T]; draft: Draft<T> }> {
  const seen = new Map<string, number>();
  return mapPacked(inOrder(drafts), (d) => ({ record: recordOf(type, doc, d, seen), draft: d }));
}

/** The record of draft `d` (in document order; `seen` counts the keys of the document's records before it). */
function recordOf<T extends RecordType>(type: T, doc: Doc, d: Draft<T>, seen: Map<string, number>): RecordOf[T] {
  const src = doc.source;
  const q = quoteSpan(src.text, d.quote, d.at);
  const quote = normalizeQuote(src.text.slice(q.start, q.end));
  // the document title separates identical sentences printed in two documents of one file
  const key = `${src.file}\u0000${type}\u0000${doc.info.title}\u0000${d.key ?? ""}\u0000${quote}`;
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  // one-shot hash: a Hash object per record was a third of finalize's time
  const id = `${ID_PREFIX[type]}_${hash("sha256", `${key}\u0000${n}`, "hex").slice(0, 16)}`;
  const page = pageAt(src, d.at);
  const rec = {
    id,
    source_file: src.file,
    source_line: lineAt(src, d.at),
    source_page: page ?? null, // the schema: "1-based PDF page, null for other inputs"
    quote,
    doc_title: doc.info.title,
    section: sectionText(blockAt(doc, d.at)?.section),
    ...d.fields,
  };
  return rec as unknown as RecordOf[T];
}
