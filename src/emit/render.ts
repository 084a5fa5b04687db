import type { RecordType } from "../generated/records.js";
import { isHighSurrogate } from "../shared/char-class.js";
import { validateRecords, type ValidationIssue } from "../validate/schemas.js";
import { csvRows } from "./csv.js";
import { schemaColumns } from "./fields.js";
import { jsonItems } from "./json.js";
import { Tally, type Counted, type TallyCounts } from "./tally.js";
import { sheetRows, type SheetRows } from "./xlsx.js";

/**
 * One input's records turned into the text of the dataset's files, everything
 * but what depends on the inputs before it (the first record's "[", row numbers,
 * totals). This is most of a build's output work, and it is done where the records
 * were extracted: with worker threads (--jobs), in the workers, so the thread
 * that writes the files does little more than write them in order
 * (src/emit/dataset.ts). A single thread renders a batch, writes it, and renders
 * the next, so one input of 100 000 records is never held as text whole.
 */

/** Records of one type rendered at a time. */
export const BATCH = 32;

/** Some records of one type, rendered. Plain data (strings, typed arrays): cheap to pass between threads. */
export interface RenderedBatch {
  type: RecordType;
  /** `<type>.json` elements, the first one after a "," (the writer makes the file's first "["); UTF-8 once packed */
  json: string | Uint8Array;
  /** `<type>.csv` lines; UTF-8 once packed */
  csv: string | Uint8Array;
  /** the sheet's rows */
  rows: SheetRows;
}

/** One input's output: its batches in output order, its counts, and what failed validation. */
export interface InputOutput {
  input: { name: string; sha256: string; bytes: number; warnings?: readonly string[] };
  /** records per type */
  counts: Record<string, number>;
  /** records that fail schemas/: an output holding one is never published */
  invalid: ValidationIssue[];
  tally: TallyCounts;
  /** rendered when read (one thread), or all at once (a worker's result) */
  batches: Iterable<RenderedBatch>;
  /** its review page, whole, in pieces, or (packed) as UTF-8 pieces */
  review?: string | readonly string[] | readonly Uint8Array[];
}

/** What every input's records are rendered with. */
export interface RenderLayout {
  types: readonly RecordType[];
  /** CSV columns of a type */
  columns: (type: RecordType) => readonly string[];
}

export function renderLayout(types: readonly RecordType[], columns: (type: RecordType) => readonly string[] = schemaColumns): RenderLayout {
  const byType = new Map(types.map((t) => [t, columns(t)]));
  return { types, columns: (t) => byType.get(t)! };
}

/** The batches of some records, rendered one at a time as they are read. */
export function* renderBatches(records: Readonly<Record<string, readonly object[]>>, layout: RenderLayout): Generator<RenderedBatch> {
  for (const type of layout.types) {
    const recs = (records[type] ?? []) as readonly Record<string, unknown>[];
    for (let from = 0; from < recs.length; from += BATCH) {
      const batch = recs.slice(from, from + BATCH);
      yield { type, json: jsonItems(batch, false), csv: csvRows(layout.columns(type), batch), rows: sheetRows(type, batch) };
    }
  }
}

/**
 * One input's records, counted (and validated, unless they were already) now,
 * rendered as its batches are read.
 */
export function inputOutput(
  done: { input: InputOutput["input"]; records: Readonly<Record<string, readonly object[]>>; review?: string | readonly string[] },
  layout: RenderLayout,
  validate = true,
): InputOutput {
  const counts: Record<string, number> = {};
  const invalid: ValidationIssue[] = [];
  for (const t of layout.types) {
    const recs = done.records[t] ?? [];
    counts[t] = recs.length;
    if (validate) for (const i of validateRecords(t, recs)) invalid.push(i);
  }
  return {
    input: done.input,
    counts,
    invalid,
    tally: Tally.countsOf(layout.types, done.records as Readonly<Record<string, readonly Counted[]>>),
    batches: renderBatches(done.records, layout),
    review: done.review,
  };
}

/** The same, rendered whole: a worker thread's result. */
export function renderedOutput(done: Parameters<typeof inputOutput>[0], layout: RenderLayout): InputOutput {
  const o = inputOutput(done, layout);
  return { ...o, batches: Array.from(o.batches) };
}

/**
 * A worker's output made ready to be moved, not copied, to the writing thread:
 * the JSON and CSV text and the review page as UTF-8 bytes, each in a buffer of
 * its own, listed in `transfer`. The writing thread then only hashes and writes
 * them; copying and encoding strings there (most of the output's bytes) is what
 * kept it busy. Sheet rows stay text: they get their row numbers there.
 */
export function packForTransfer(o: InputOutput): { output: InputOutput; transfer: ArrayBuffer[] } {
  // TextEncoder gives each text a buffer of its own (Buffer.from may share a pool, which cannot be moved)
  const utf8 = new TextEncoder();
  const transfer: ArrayBuffer[] = [];
  const own = (text: string): Uint8Array => { const b = utf8.encode(text); transfer.push(b.buffer as ArrayBuffer); return b; };
  const batches = Array.from(o.batches, (b) => ({ ...b, json: typeof b.json === "string" ? own(b.json) : b.json, csv: typeof b.csv === "string" ? own(b.csv) : b.csv }));
  let review = o.review;
  if (review !== undefined) {
    const pieces = (typeof review === "string" ? [review] : review) as readonly string[];
    // pieces of a page gathered into buffers of about PACK_CHARS characters: a few large moves, not one per
    // line; a buffer never ends inside a surrogate pair, so the bytes are those of the whole page
    const out: Uint8Array[] = [];
    let text = "";
    for (const p of pieces) {
      text += p;
      if (text.length >= PACK_CHARS) {
        const keep = isHighSurrogate(text.charCodeAt(text.length - 1)) ? 1 : 0;
        out.push(own(text.slice(0, text.length - keep)));
        text = text.slice(text.length - keep);
      }
    }
    if (text) out.push(own(text));
    review = out;
  }
  return { output: { ...o, batches, review }, transfer };
}

const PACK_CHARS = 1 << 20;
