import type { RecordType } from "../generated/records.js";
import { isHighSurrogate } from "../shared/char-class.js";
import { validateRecords, type ValidationIssue } from "../validate/schemas.js";
import { csvRows } from "./csv.js";
import { schemaColumns } from "./fields.js";
import { jsonItems } from "./json.js";
import { Tally, type Counted, type TallyCounts } from "./tally.js";
import { utf8Of } from "./utf8.js";
import { packRows, sheetRows, type PackedRows, type SheetRows } from "./xlsx.js";

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
  /**
   * the sheet's rows; none in a batch rendered as the writing thread reads it, whose
   * `records` are made into rows there, each with its number at once (no placeholder
   * to replace in every cell)
   */
  rows?: SheetRows | PackedRows;
  /** the records of a batch without rows */
  records?: readonly Record<string, unknown>[];
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
  /** its review page, whole or in pieces (text, or UTF-8 once packed), made as they are read */
  review?: string | Iterable<string | Uint8Array>;
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

/** The batches of some records, rendered one at a time as they are read; their sheet rows are made where they are written (withRows). */
export function* renderBatches(records: Readonly<Record<string, readonly object[]>>, layout: RenderLayout): Generator<RenderedBatch> {
  for (const type of layout.types) {
    const recs = (records[type] ?? []) as readonly Record<string, unknown>[];
    for (let from = 0; from < recs.length; from += BATCH) {
      const batch = recs.slice(from, from + BATCH);
      yield { type, json: jsonItems(batch, false), csv: csvRows(layout.columns(type), batch), records: batch };
    }
  }
}

/** A batch with its sheet rows made (to be numbered where they are written), and no records: what leaves the thread that rendered it. */
const withRows = (b: RenderedBatch): RenderedBatch => ({ type: b.type, json: b.json, csv: b.csv, rows: b.rows ?? sheetRows(b.type, b.records!) });

/**
 * One input's records, counted (and validated, unless they were already) now,
 * rendered as its batches are read.
 */
export function inputOutput(
  done: { input: InputOutput["input"]; records: Readonly<Record<string, readonly object[]>>; review?: string | Iterable<string> },
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

/**
 * The same, rendered whole and packed to be moved (packForTransfer): a worker
 * thread's result. Each batch is packed as it is rendered, so its text dies young:
 * rendering every batch first kept all of an input's text alive across the
 * scavenges that ran meanwhile, and copying it from space to space was most of
 * a worker's collector time (issue 11).
 */
export function renderedOutput(done: Parameters<typeof inputOutput>[0], layout: RenderLayout): InputOutput {
  const o = inputOutput(done, layout);
  return { ...o, batches: Array.from(o.batches, moveBatch) };
}

/** A text as UTF-8 in a buffer of its own (Buffer.from may share a pool, which cannot be moved). */
const ownBytes = (text: string): Uint8Array => utf8Of(text);

/** Bytes that are the whole of their buffer: they can be moved to another thread without moving anything else. */
const ownsBuffer = (b: Uint8Array): boolean => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;

/** A batch with its JSON and CSV as UTF-8, and its sheet rows. */
function packBatch(b: RenderedBatch): RenderedBatch {
  const r = withRows(b);
  return { ...r, json: typeof r.json === "string" ? ownBytes(r.json) : r.json, csv: typeof r.csv === "string" ? ownBytes(r.csv) : r.csv };
}

/** A batch packed, its sheet rows too (src/emit/xlsx.ts PackedRows): nothing of it left on the heap to be copied, or to wait there. */
function moveBatch(b: RenderedBatch): RenderedBatch {
  const r = packBatch(b);
  return { ...r, rows: packRows(r.rows!) };
}

/**
 * A review page as UTF-8, made as it is read: its pieces gathered into buffers of
 * about PACK_CHARS characters (a few large buffers, not one per line); a buffer
 * never ends inside a surrogate pair, so the bytes are those of the whole page.
 */
function* packedReview(review: NonNullable<InputOutput["review"]>): Generator<Uint8Array> {
  let text = "";
  for (const p of typeof review === "string" ? [review] : review) {
    if (typeof p !== "string") { if (text) yield ownBytes(text); text = ""; yield p; continue; }
    text += p;
    if (text.length >= PACK_CHARS) {
      const keep = isHighSurrogate(text.charCodeAt(text.length - 1)) ? 1 : 0;
      yield ownBytes(text.slice(0, text.length - keep));
      text = text.slice(text.length - keep);
    }
  }
  if (text) yield ownBytes(text);
}

/**
 * A worker's output made ready to be moved, not copied, to the writing thread:
 * the JSON and CSV text and the review page as UTF-8 bytes, each in a buffer of
 * its own, listed in `transfer`. The writing thread then only hashes and writes
 * them; copying and encoding strings there (most of the output's bytes) is what
 * kept it busy. Sheet rows are moved as UTF-16 bytes (PackedRows): they are made
 * text again there to get their row numbers, when their input's turn comes. Bytes
 * that share a buffer (an output read from the cache) are copied, not moved.
 */
export function packForTransfer(o: InputOutput): { output: InputOutput; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const move = (b: string | Uint8Array) => { if (typeof b !== "string" && ownsBuffer(b)) transfer.push(b.buffer as ArrayBuffer); };
  const batches = Array.from(o.batches, moveBatch);
  for (const b of batches) { move(b.json); move(b.csv); move((b.rows as PackedRows).utf16); }
  const review = o.review === undefined ? undefined : Array.from(packedReview(o.review));
  for (const r of review ?? []) move(r);
  return { output: { ...o, batches, review }, transfer };
}

/**
 * An input's output packed (as packForTransfer does) as its batches are read, while
 * their text stays under `maxChars`: `whole` says whether all of it was, and so
 * whether the cache may keep it (src/pipeline/extract-input.ts). Past the bound the
 * rest is rendered as it is read, as without the cache: one input of 10⁵
 * long-quoted records must not be held as text whole.
 */
export function packWithin(o: InputOutput, maxChars: number): { output: InputOutput; whole: boolean } {
  let chars = 0;
  const batches: RenderedBatch[] = [];
  const rest = o.batches[Symbol.iterator]();
  for (let r = rest.next(); !r.done; r = rest.next()) {
    const b = packBatch(r.value);
    batches.push(b);
    for (const x of (b.rows as SheetRows).xml) chars += x.length;
    chars += b.json.length + b.csv.length;
    if (chars > maxChars) return { output: { ...o, batches: concat(batches, rest) }, whole: false };
  }
  if (o.review === undefined) return { output: { ...o, batches }, whole: true };
  const review: Uint8Array[] = [];
  const more = packedReview(o.review);
  for (let r = more.next(); !r.done; r = more.next()) {
    review.push(r.value);
    chars += r.value.length;
    if (chars > maxChars) return { output: { ...o, batches, review: concat(review, more) }, whole: false };
  }
  return { output: { ...o, batches, review }, whole: true };
}

/** What was read of an iterator, then the rest of it. */
function* concat<T>(first: readonly T[], rest: Iterator<T>): Generator<T> {
  yield* first;
  for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
}

const PACK_CHARS = 1 << 20;
