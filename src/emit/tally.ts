import type { RecordType } from "../generated/records.js";
import { detach } from "../shared/detach.js";

/**
 * Records counted per input, per type and per document inside each input: what
 * the review index and the build report show. A build keeps this instead of its
 * records (src/emit/dataset.ts), so its memory does not grow with them.
 */
export interface Counted { source_file: unknown; doc_title?: unknown; title?: unknown }

/** One input's records counted (Tally.countsOf): per input, by type, and per document in order. */
export type TallyCounts = Array<{ input: string; total: number[]; docs: Array<[string, number[]]> }>;

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
    this.addCounts(Tally.countsOf(this.types, records));
  }

  /**
   * What addInput counts, as plain data: made where the records are (a worker
   * thread), so only the counts travel to the thread that keeps the tally.
   */
  static countsOf(types: readonly RecordType[], records: Readonly<Record<string, readonly Counted[]>>): TallyCounts {
    const out: TallyCounts = [];
    const byInput = new Map<string, { total: number[]; docs: Map<string, number[]> }>();
    const zeros = () => types.map(() => 0);
    const entry = (input: string) => {
      let e = byInput.get(input);
      if (!e) { byInput.set(input, (e = { total: zeros(), docs: new Map() })); out.push({ input, total: e.total, docs: [] }); }
      return e;
    };
    for (const doc of records.documents ?? []) entry(String(doc.source_file)).docs.set(String(doc.title ?? doc.doc_title), zeros());
    types.forEach((t, ti) => {
      for (const r of records[t] ?? []) {
        const e = entry(String(r.source_file));
        e.total[ti]!++;
        const key = String(r.doc_title);
        let c = e.docs.get(key);
        if (!c) e.docs.set(key, (c = zeros()));
        c[ti]!++;
      }
    });
    for (const o of out) o.docs = [...byInput.get(o.input)!.docs];
    return out;
  }

  /** Counts made by countsOf over the same types, added in order. */
  addCounts(counts: TallyCounts): void {
    for (const c of counts) {
      const e = this.entry(c.input);
      c.total.forEach((n, ti) => { e.total[ti]! += n; this.totals[ti]! += n; });
      for (const [title, n] of c.docs) {
        // keys are kept for the whole build: detached from the input's text (src/shared/detach.ts)
        const have = e.docs.get(title);
        if (have) n.forEach((k, ti) => { have[ti]! += k; });
        else e.docs.set(detach(title), n.slice());
      }
    }
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
