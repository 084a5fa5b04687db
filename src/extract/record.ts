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

/**
 * Whitespace a quote's folding would change: any but the space, two spaces, a space at
 * either end. Most quotes hold none (the input's runs of spaces are squeezed by ingest):
 * one native test spares them the global replace and the trim, which give them back unchanged.
 */
const UNFOLDED = /[^\S ]| {2}|^ | $/;
export const normalizeQuote = (s: string) => (UNFOLDED.test(s) ? s.replace(/\s+/g, " ").trim() : s);

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
  const f = new Finishing(type, doc);
  return mapPacked(inOrder(drafts), (d) => f.recordOf(d));
}

/** `finalize`, keeping each record's draft beside it (for `extract --explain`). */
export function finalizeDrafts<T extends RecordType>(type: T, doc: Doc, drafts: Draft<T>[]): Array<{ record: RecordOf[T]; draft: Draft<T> }> {
  const f = new Finishing(type, doc);
  return mapPacked(inOrder(drafts), (d) => ({ record: f.recordOf(d), draft: d }));
}

/**
 * The records of one document's drafts of one type, made in document order. What
 * every record of them shares is made once: the start of its id and of the text its
 * id hashes, `file\0type\0title\0`, which `seen` (the keys of the records before,
 * counted) then leaves out of its keys, as it is the same in all of them.
 */
class Finishing<T extends RecordType> {
  private readonly seen = new Map<string, number>();
  private readonly idHead: string;
  private readonly keyHead: string;
  constructor(type: T, private readonly doc: Doc) {
    this.idHead = `${ID_PREFIX[type]}_`;
    // the document title separates identical sentences printed in two documents of one file
    this.keyHead = `${doc.source.file}\u0000${type}\u0000${doc.info.title}\u0000`;
  }

  /** The record of draft `d`, the next in document order. */
  recordOf(d: Draft<T>): RecordOf[T] {
    const doc = this.doc, src = doc.source;
    const q = quoteSpan(src.text, d.quote, d.at);
    const quote = normalizeQuote(src.text.slice(q.start, q.end));
    const key = d.key ? `${d.key}\u0000${quote}` : `\u0000${quote}`;
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    // one-shot hash: a Hash object per record was a third of finalize's time
    const id = this.idHead + hash("sha256", `${this.keyHead}${key}\u0000${n}`, "hex").slice(0, 16);
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
}
