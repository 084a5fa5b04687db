import type { Span } from "../../shared/span.js";
import { HEADS, HEAD_RE, type HeadNoun } from "./lexicon.js";

/** HEAD_RE with a lastIndex of its own, made once: a RegExp made per document cost 5 µs (its source hashed) */
const HEADS_IN_DOC = new RegExp(HEAD_RE.source, "g");

/** each head noun's place in HEADS, by its text */
const HEAD_INDEX = new Map(HEADS.map((h, i) => [h.head, i]));

/**
 * Every head noun of a document, found by one global search of its text: where each starts and
 * ends (source offsets) and which head it is. Whether a sentence or a clause holds a head, and
 * which heads a clause holds (projects/names.ts headRuns), are read off these lists: the clauses
 * naming works were each searched again, match by match, after the search that found their
 * sentence (a match array and a string per head, and a last search running to the clause's end).
 * The lists are typed arrays, filled up to `count` and doubled when full: a page of 10⁶ heads
 * (a generated HTML page, the bench's) held 59 MiB more in three lists of numbers and objects.
 */
export class DocHeads {
  /** where each head starts and ends (source offsets), and its place in HEADS: the first `count` */
  start = new Int32Array(16);
  end = new Int32Array(16);
  head = new Uint16Array(16);
  count = 0;
  /** the first head ending after the last position asked: spans are asked in text order */
  private k = 0;
  private readonly body: string;
  constructor(text: string, private readonly lo: number, private readonly hi: number) {
    const body = (this.body = text.slice(lo, hi));
    const re = HEADS_IN_DOC;
    re.lastIndex = 0;
    // the lists and the count in locals, stored back once: the loop runs once per head of the document,
    // interpreted in a cold pass, and V8 charges each turn the length of its body (with a read of the
    // object's fields per store, the loop got the constructor optimized within the first pass of the seeds)
    let start = this.start, end = this.end, head = this.head, n = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) {
      if (n === start.length) { this.grow(); start = this.start; end = this.end; head = this.head; }
      start[n] = lo + m.index;
      end[n] = re.lastIndex + lo;
      head[n++] = HEAD_INDEX.get(m[0])!;
    }
    this.count = n;
  }

  /** Head `k`'s noun. */
  nounAt(k: number): HeadNoun {
    return HEADS[this.head[k]!]!;
  }

  private grow(): void {
    const start = new Int32Array(this.start.length * 2), end = new Int32Array(start.length), head = new Uint16Array(start.length);
    start.set(this.start);
    end.set(this.end);
    head.set(this.head);
    this.start = start;
    this.end = end;
    this.head = head;
  }

  /**
   * The first of `sentences` from `si` on whose block a head overlaps (sentences.length when none): a sentence
   * of any other block names no work, neither in its clauses nor in its block's heading. Asked in text order
   * (the cursor of firstEndingAfter moves on with it); one turn of two numeric tests per sentence passed.
   */
  nextOverlapping(sentences: ReadonlyArray<{ readonly block: Span }>, si: number): number {
    const start = this.start, end = this.end, count = this.count, n = sentences.length;
    let k = this.k;
    for (; si < n; si++) {
      const b = sentences[si]!.block;
      while (k < count && end[k]! <= b.start) k++;
      if (k === count) { si = n; break; }
      if (start[k]! < b.end) break;
    }
    this.k = k;
    return si;
  }

  /** Which of `clauses` (in text order) hold a head, as `named` answers each: their indices and `named`'s answers, added to the two lists. */
  namedIn(clauses: readonly Span[], indices: number[], answers: number[]): void {
    for (let ci = 0; ci < clauses.length; ci++) {
      const k = this.named(clauses[ci]!.start, clauses[ci]!.end);
      if (k !== -1) { indices.push(ci); answers.push(k); }
    }
  }

  /** The first head ending after `pos` (the count of heads when none). */
  private firstEndingAfter(pos: number): number {
    const end = this.end;
    let k = this.k;
    if (k > 0 && end[k - 1]! > pos) {
      // asked out of order (rare): a binary search over the heads before, which end in order as they start
      let a = 0, b = k - 1;
      while (a < b) { const mid = (a + b) >> 1; if (end[mid]! > pos) b = mid; else a = mid + 1; }
      k = a;
    }
    while (k < this.count && end[k]! <= pos) k++;
    this.k = k;
    return k;
  }

  /**
   * The index of the first head of `text[start, end)`, -1 when it holds none, or -2 when a head
   * of the document's search crosses `start` or `end`: a search of the span alone can find other
   * heads there (园区 inside a 产业园区 cut at `start`), so the span is searched on its own.
   * Otherwise a search of the span alone finds exactly the document's heads inside it: before
   * `start` the document's search ended every match at or before it, and inside, the same
   * alternative matches first at each position unless its match runs past `end`.
   */
  firstIn(start: number, end: number): number {
    const k = this.firstEndingAfter(start);
    if (k === this.count) return -1;
    if (this.start[k]! < start) return -2;
    if (this.start[k]! >= end) return -1;
    return this.end[k]! > end ? -2 : k;
  }

  /**
   * What clausesOf asks of a clause in one call: -1 when it holds no head as `holds` answers, else
   * what `firstIn` answers (the index of its first head, or -2 when a head crosses its ends).
   */
  named(start: number, end: number): number {
    const k = this.firstEndingAfter(start);
    if (k === this.count) return -1;
    if (this.start[k]! >= start) return this.start[k]! >= end ? -1 : this.end[k]! > end ? -2 : k;
    return this.searchedFrom(start, end) ? -2 : -1;
  }

  /**
   * Whether `text[start, end)` holds a head noun as a search from `start` finds it (a match
   * starting before `end`, even one running past it): the sentences and clauses are asked
   * in text order, so the lists answer; a head crossing `start` is searched for from there.
   * A span outside the document's text is answered yes: read in full.
   */
  holds(start: number, end: number): boolean {
    if (start < this.lo || start >= this.hi) return start < end;
    const k = this.firstEndingAfter(start);
    if (k === this.count) return false;
    if (this.start[k]! >= start) return this.start[k]! < end;
    return this.searchedFrom(start, end);
  }

  /** Whether a search of the document's text from `start` (inside a head of the lists) finds a head starting before `end`. */
  private searchedFrom(start: number, end: number): boolean {
    HEADS_IN_DOC.lastIndex = start - this.lo;
    const m = HEADS_IN_DOC.exec(this.body);
    return m !== null && m.index + this.lo < end;
  }
}
