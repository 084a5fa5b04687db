/**
 * Whether a span of a document can hold what a pass looks for, answered by one
 * native search for the next place over the document's text, remembered: the
 * sentences and clauses of a document are asked about in text order and most hold
 * nothing a pass needs (no number, none of the qualitative words), so one search
 * answers for the whole run of spans up to the next place instead of a call per
 * span that finds nothing. (projects/clauses.ts headFinder does the same for head nouns.)
 *
 * `search(body, from)` gives the first place in `body` at or after `from`, or -1;
 * `body` is `text[lo, hi)` (a substring shares the text's characters), so no search
 * runs past the document into the next ones of the same source. An answer is reused
 * while the span asked about starts between where the search started and what it
 * found; spans asked about in text order make every search start past the last
 * place found: linear overall. A span outside `text[lo, hi)` is answered yes: read in full.
 */
export function spanFinder(text: string, lo: number, hi: number, search: (body: string, from: number) => number): (start: number, end: number) => boolean {
  const body = text.slice(lo, hi);
  // the first place at or after `from` is at `at` (-1: none); offsets in body
  let from = -1, at = -1;
  return (start, end) => {
    if (start < lo || end > hi) return true;
    const s = start - lo;
    if (from < 0 || s < from || (at >= 0 && s > at)) {
      from = s;
      at = search(body, s);
    }
    return at >= 0 && at < end - lo;
  };
}
