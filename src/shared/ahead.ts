import type { Span } from "./span.js";

/**
 * The next place a span of a document can hold what a pass looks for, found by
 * native searches over the document's text and remembered: the sentences and
 * clauses of a document are read in text order and most hold nothing a pass
 * needs (no number, none of the qualitative words), so one search answers for
 * the whole run of spans up to the next place, instead of a call per span that
 * finds nothing. (targets: numbers and qualitative words; projects: head nouns.)
 *
 * Each search `(body, from)` gives the first place of its kind in `body` at or
 * after `from`, or -1. `body` is `text[lo, hi)` (a substring shares the text's
 * characters), so no search runs past the document into the next ones of the
 * same source. Each search's answer is reused while the position asked about
 * lies between where it started and what it found; positions asked in text order
 * make every search start past the last place it found: linear overall.
 *
 * The answer is a text offset: the first place of any kind at or after `pos`,
 * `hi` when there is none before the document's end, and `pos` itself for a
 * position outside `text[lo, hi)` (read in full).
 */
export function placesAhead(text: string, lo: number, hi: number, searches: ReadonlyArray<(body: string, from: number) => number>): (pos: number) => number {
  const body = text.slice(lo, hi);
  const n = searches.length;
  // per search: where it last started and the first place it found there (-1: none); offsets in body
  const from = new Array<number>(n).fill(-1), at = new Array<number>(n).fill(-1);
  return (pos) => {
    if (pos < lo || pos >= hi) return pos;
    const s = pos - lo;
    let first = hi - lo;
    for (let k = 0; k < n; k++) {
      if (from[k]! < 0 || s < from[k]! || (at[k]! >= 0 && s > at[k]!)) {
        from[k] = s;
        at[k] = searches[k]!(body, s);
      }
      if (at[k]! >= 0 && at[k]! < first) first = at[k]!;
    }
    return first + lo;
  };
}

/**
 * Visits, in order, each span of `spans` that can hold a place. A span holding
 * none tells that every span after it, from its start to the next place, holds
 * none either: those are passed with a comparison each, not a call each. Spans
 * in text order (a document's sentences) are each compared once; a span out of
 * order is asked about on its own, never passed unread. `visit` gets the span's
 * index too (the clause before a clause is its neighbour in the array).
 */
export function eachHoldingPlace<S extends Span>(spans: readonly S[], next: (pos: number) => number, visit: (s: S, i: number) => void): void {
  const n = spans.length;
  let i = 0;
  while (i < n) {
    const s = spans[i]!;
    const at = next(s.start);
    i++;
    if (at < s.end) { visit(s, i - 1); continue; }
    i = pastInside(spans, i, s.start, at);
  }
}

/**
 * The first index from `i` on whose span does not lie inside [from, to): nothing is in that range, neither
 * in the spans inside it. Its own small function: the walk over a run of passed sentences charged
 * eachHoldingPlace's loop, which V8 then compiled twice in a cold targets pass (once more on stack, OSR,
 * with the visitor inlined), where this loop alone is cheap to compile.
 */
function pastInside(spans: readonly Span[], i: number, from: number, to: number): number {
  while (i < spans.length && spans[i]!.start >= from && spans[i]!.end <= to) i++;
  return i;
}
