import type { RecordType } from "../generated/records.js";
import { detach } from "../shared/detach.js";

/**
 * Records counted per input, per type and per document inside each input: what
 * the review index and the build report show. A build keeps this instead of its
 * records (src/emit/dataset.ts), so its memory does not grow with them.
 */
export interface Counted { source_file: unknown; doc_title?: unknown; title?: unknown }

export class Tally {
  /** per input: counts by type (in `types` order), and by document, documents in the order they start */
  private readonly inputs = new Map<string, { total: number[]; docs: Map<string, number[]> }>();
  readonly totals: number[];

  constructor(readonly types: readonly RecordType[]) {
    this.totals = types.map(() => 0);
  }

  /** The tally of records given whole (a library call, tests). */
  static of(types: readonly RecordType[], records: Readonly<Record<string, readonly Counted[]>>): Tally {
    const t = new Tally(types);
    const byInput = new Map<string, Record<string, Counted[]>>();
    for (const type of types) {
      for (const r of records[type] ?? []) {
        const k = String(r.source_file);
        let m = byInput.get(k);
        if (!m) byInput.set(k, (m = {}));
        (m[type] ??= []).push(r);
      }
    }
    for (const m of byInput.values()) t.addInput(m);
    return t;
  }

  /** One input's records by type: its documents open their rows first, then every record is counted. */
  addInput(records: Readonly<Record<string, readonly Counted[]>>): void {
    const zeros = () => this.types.map(() => 0);
    // keys are kept for the whole build: detached from the input's text (src/shared/detach.ts)
    for (const doc of records.documents ?? []) this.entry(String(doc.source_file)).docs.set(detach(String(doc.title ?? doc.doc_title)), zeros());
    this.types.forEach((t, ti) => {
      for (const r of records[t] ?? []) {
        const e = this.entry(String(r.source_file));
        e.total[ti]!++;
        this.totals[ti]!++;
        const key = String(r.doc_title);
        let c = e.docs.get(key);
        if (!c) e.docs.set(detach(key), (c = zeros()));
        c[ti]!++;
      }
    });
  }

  private entry(input: string): { total: number[]; docs: Map<string, number[]> } {
    let e = this.inputs.get(input);
    if (!e) this.inputs.set(detach(input), (e = { total: this.types.map(() => 0), docs: new Map() }));
    return e;
  }

  /** counts by type of one input (zeros for an input without records) */
  countsOf(input: string): number[] {
    return this.inputs.get(input)?.total ?? this.types.map(() => 0);
  }

  /** counts by type of each document of one input, in order */
  docsOf(input: string): ReadonlyMap<string, number[]> {
    return this.inputs.get(input)?.docs ?? new Map();
  }

  /** records of one type */
  totalOf(type: string): number {
    const i = this.types.indexOf(type as RecordType);
    return i < 0 ? 0 : this.totals[i]!;
  }
}
