import type { RecordType } from "../generated/records.js";
import { AtomicDir, type FileSink, type ScratchMemory } from "./atomic.js";
import { codebookMarkdown } from "./codebook.js";
import { csvHeader } from "./csv.js";
import { inputOutput, renderLayout, type InputOutput, type RenderLayout } from "./render.js";
import { reviewIndex } from "./review/index-page.js";
import { reviewPageName } from "./review/page.js";
import { Tally } from "./tally.js";
import { rowCount, WORKBOOK_NAME, WorkbookBuilder, type RowStore } from "./xlsx.js";

/**
 * Writes a dataset directory as the inputs are done, one input at a time, in name
 * order: each input's records are appended to `<type>.json`, `<type>.csv` and the
 * workbook's rows, and its review page is written, at once. What stays in memory is
 * their counts (src/emit/tally.ts: per input, type and document, for the review
 * index and the build report) and each sheet's widths, so a build's memory does
 * not grow with its output
 * (issue 11: ≤ 300 MB on a 60 MB corpus). The bytes are the same as writing the
 * whole dataset at the end: records are in output order because inputs arrive in
 * name order and each input's records are sorted (src/emit/sort.ts).
 * Everything goes into the AtomicDir's temp dir; nothing is published before
 * `finish`, and `abort` leaves the previous output whole.
 */

export interface InputDone {
  input: { name: string; sha256: string; bytes: number; warnings?: readonly string[] };
  /** by type; read as plain objects */
  records: Readonly<Record<string, readonly object[]>>;
  /** its review page, whole or in pieces (written in order, as they are read) */
  review?: string | Iterable<string>;
}

export interface DatasetEnd {
  inputs: ReadonlyArray<{ name: string; sha256: string; bytes: number; warnings?: readonly string[] }>;
  failures: ReadonlyArray<{ file: string; reason: string }>;
}

interface Output { name: string; sha256: string; records: number }

const SCRATCH = ".scratch";
/**
 * Bytes of sheet rows the scratch files together keep in memory before they are
 * written to disk (FileSink): a short build (the seeds' rows are 1.4 MB) never
 * writes its rows out and reads them back; a larger one holds no more than this.
 * At 16 MiB the 60 MB bench's peak rose by about 28 MiB (207 -> 235, medians of 3),
 * for no gain a build of that size could show.
 */
const SCRATCH_IN_MEMORY = 4 << 20;

/**
 * Rows of a record sheet kept in a scratch file of the temp dir (in memory
 * while they fit SCRATCH_IN_MEMORY) until the workbook is zipped. Rows come one
 * record at a time; the file gathers them into large writes (FileSink.append).
 */
function scratchRows(file: FileSink): RowStore {
  return {
    append: (xml) => file.append(xml),
    chunks: () => { file.close(); return file.read(); },
  };
}

/**
 * A batch's text is appended (encoded into the file's buffer, written with the
 * batches after it); its bytes (a worker's) are written as they are.
 */
function appendBatch(f: FileSink, data: string | Uint8Array): void {
  if (typeof data === "string") f.append(data);
  else f.write(data);
}

export class DatasetWriter {
  private readonly json = new Map<RecordType, FileSink>();
  private readonly csv = new Map<RecordType, FileSink>();
  private readonly counts = new Map<RecordType, number>();
  private readonly book: WorkbookBuilder;
  private readonly outputs: Output[] = [];
  private readonly pages = new Set<string>();
  /** every file opened, closed on abort */
  private readonly sinks: FileSink[] = [];
  /** the records written, counted */
  readonly tally: Tally;

  /** how records are rendered: the same layout a worker renders with */
  readonly layout: RenderLayout;

  private constructor(private readonly dir: AtomicDir, readonly types: readonly RecordType[], readonly version: string, columns: (t: RecordType) => string[], scratchInMemory: number) {
    this.layout = renderLayout(types, columns);
    this.tally = new Tally(types);
    for (const t of types) {
      this.json.set(t, this.file(`${t}.json`));
      const csv = this.file(`${t}.csv`);
      csv.write(csvHeader(this.layout.columns(t)));
      this.csv.set(t, csv);
      this.counts.set(t, 0);
    }
    const memory: ScratchMemory = { bytes: 0, most: scratchInMemory };
    this.book = new WorkbookBuilder(types, (t) => scratchRows(this.file(`${SCRATCH}/${t}.rows`, false, memory)));
  }

  /** Open the output's temp dir (taking its lock) and start every file. */
  /** `scratchInMemory`: bytes of sheet rows kept in memory before they go to scratch files (a test makes it small) */
  static async open(out: string, types: readonly RecordType[], version: string, columns: (t: RecordType) => string[], scratchInMemory = SCRATCH_IN_MEMORY): Promise<DatasetWriter> {
    const dir = await AtomicDir.open(out);
    try {
      return new DatasetWriter(dir, types, version, columns, scratchInMemory);
    } catch (e) {
      await dir.abort();
      throw e;
    }
  }

  /** Append one input's records (sorted) and write its review page. Inputs must come in name order. */
  add(done: InputDone): void {
    this.addOutput(inputOutput(done, this.layout, false));
  }

  /**
   * Append one input's rendered output (src/emit/render.ts), made here or in a
   * worker thread. Inputs must come in name order; the batches are written as
   * they are read.
   */
  addOutput(o: InputOutput): void {
    let total = 0;
    for (const b of o.batches) {
      const n = this.counts.get(b.type)!;
      // the file's first element opens the array: "[" in place of the "," (one byte in UTF-8)
      const json = this.json.get(b.type)!;
      if (n > 0) appendBatch(json, b.json);
      else if (typeof b.json === "string") { json.append("["); json.append(b.json.slice(1)); }
      else { json.write("["); json.write(b.json.subarray(1)); }
      appendBatch(this.csv.get(b.type)!, b.csv);
      // a batch rendered as it is read brings its records: their rows are made here, numbered at once
      if (b.rows) this.book.addRows(b.type, b.rows); else this.book.add(b.type, b.records!);
      const k = b.rows ? rowCount(b.rows) : b.records!.length;
      this.counts.set(b.type, n + k);
      total += k;
    }
    this.tally.addCounts(o.tally);
    if (o.review !== undefined) {
      this.put(reviewPageName(o.input.name), o.review, total);
      this.pages.add(o.input.name);
    }
  }

  /** Close every file, write the workbook, codebook, review index and manifest, and publish. */
  async finish(end: DatasetEnd, manifestHead: Record<string, unknown>): Promise<void> {
    for (const t of this.types) {
      const n = this.counts.get(t)!;
      const json = this.json.get(t)!;
      json.write(n ? "\n]\n" : "[]\n");
      this.outputs.push({ name: `${t}.json`, sha256: json.close(), records: n });
      this.outputs.push({ name: `${t}.csv`, sha256: this.csv.get(t)!.close(), records: n });
    }
    const total = this.types.reduce((s, t) => s + this.counts.get(t)!, 0);
    const book = this.file(WORKBOOK_NAME);
    await this.book.finishAsync({ version: this.version, inputs: end.inputs, failures: end.failures }, (b) => book.write(b));
    this.outputs.push({ name: WORKBOOK_NAME, sha256: book.close(), records: total });
    this.dir.remove(SCRATCH);
    this.put("codebook.md", codebookMarkdown(this.version, Object.fromEntries(this.counts), this.types), 0);
    this.put("review/index.html", reviewIndex({ version: this.version, types: this.types, tally: this.tally, inputs: end.inputs, failures: end.failures, pages: this.pages }), total);
    const manifest = { ...manifestHead, inputs: end.inputs, failures: end.failures, outputs: this.outputs.sort((a, b) => (a.name < b.name ? -1 : 1)) };
    const m = this.file("manifest.json");
    m.write(JSON.stringify(manifest, null, 2) + "\n");
    m.close();
    await this.dir.commit();
  }

  private file(name: string, hashed = true, memory: ScratchMemory | null = null): FileSink {
    const f = this.dir.file(name, hashed, memory);
    this.sinks.push(f);
    return f;
  }

  private put(name: string, data: string | Iterable<string | Uint8Array>, records: number): void {
    const f = this.file(name);
    if (typeof data === "string") f.write(data);
    else for (const piece of data) { if (typeof piece === "string") f.append(piece); else f.write(piece); }
    this.outputs.push({ name, sha256: f.close(), records });
  }

  /** Drop everything written: the previous output stays as it was. */
  async abort(): Promise<void> {
    for (const f of this.sinks) { try { f.close(); } catch { /* closing on the way out */ } }
    await this.dir.abort();
  }
}
