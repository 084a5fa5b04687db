/**
 * Whether a span of a document can hold what a pass looks for, answered by
 * native searches for the next place over the document's text, remembered: the
 * sentences and clauses of a document are asked about in text order and most hold
 * nothing a pass needs (no number, none of the qualitative words), so one search
 * answers for the whole run of spans up to the next place instead of a call per
 * span that finds nothing. (projects/clauses.ts headFinder does the same for head nouns.)
 *
 * Each search `(body, from)` gives the first place of its kind in `body` at or
 * after `from`, or -1; a span can hold something when any search has a place in
 * it. `body` is `text[lo, hi)` (a substring shares the text's characters), so no
 * search runs past the document into the next ones of the same source. Each
 * answer is reused while the span asked about starts between where its search
 * started and what it found; spans asked about in text order make every search
 * start past the last place it found: linear overall. A span outside
 * `text[lo, hi)` is answered yes: read in full.
 */
export function spanFinder(text: string, lo: number, hi: number, searches: ReadonlyArray<(body: string, from: number) => number>): (start: number, end: number) => boolean {
  const body = text.slice(lo, hi);
  const n = searches.length;
  // per search: where it last started and the first place it found there (-1: none); offsets in body
  const from = new Array<number>(n).fill(-1), at = new Array<number>(n).fill(-1);
  return (start, end) => {
    if (start < lo || end > hi) return true;
    const s = start - lo, e = end - lo;
    for (let k = 0; k < n; k++) {
      if (from[k]! < 0 || s < from[k]! || (at[k]! >= 0 && s > at[k]!)) {
        from[k] = s;
        at[k] = searches[k]!(body, s);
      }
      if (at[k]! >= 0 && at[k]! < e) return true;
    }
    return false;
  };
}
