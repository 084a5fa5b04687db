/**
 * Provenance check shared by the seed, HTML and PDF tests: is a record's quote
 * printed at its source_line (± slack lines) of the original text? Both sides
 * are compared width-folded (NFKC) with all whitespace removed, because
 * normalisation folds ２０２５ → 2025 and rejoins lines; a quote that runs over
 * several lines counts when any of its lines is within the slack.
 */
export interface FlatText { flat: string; lineOf: number[] }

const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** Original text flattened, with the 1-based line of every remaining character. */
export function flatText(text: string): FlatText {
  let flat = "";
  const lineOf: number[] = [];
  text.split(/\r\n?|\n/).forEach((l, k) => {
    for (const ch of l) for (const f of fold(ch)) { flat += f; lineOf.push(k + 1); }
  });
  return { flat, lineOf };
}

export function quoteAtLine(t: FlatText, quote: string, line: number, slack = 3): boolean {
  const q = fold(quote);
  if (!q) return false;
  for (let at = t.flat.indexOf(q); at >= 0; at = t.flat.indexOf(q, at + 1)) {
    if (t.lineOf[at]! <= line + slack && t.lineOf[at + q.length - 1]! >= line - slack) return true;
  }
  return false;
}
