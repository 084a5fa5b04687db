/**
 * Word lists as regular expressions: every phrase table (targets, projects,
 * subsidies, transport, review headings) is compiled through these, once, when
 * its module loads. Longest first, so an alternation or a first-hit scan takes
 * 最高不超过 before 最高 and 及以上 before 以上.
 */

/** `s` as a literal inside a regular expression */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** a copy of `words`, longest first */
export function byLength<T extends string>(words: readonly T[]): T[] {
  return words.slice().sort((a, b) => b.length - a.length);
}

/** `a|b|c` of the words as literals, longest first (wrap it in a group where it is part of more) */
export function alt(words: readonly string[]): string {
  return byLength(words).map(escapeRegExp).join("|");
}

/**
 * A test whether `text` holds any of `words`: one regular expression (compiled to
 * native code, it skips ahead on the words' first characters) made once per list,
 * instead of a scan of the text per word. Most clauses hold none of a list's words,
 * and there one test answers; a first-hit-in-list-order lookup runs only after it.
 */
const anyOf = new WeakMap<readonly string[], RegExp>();
export function holdsAny(text: string, words: readonly string[]): boolean {
  let re = anyOf.get(words);
  if (!re) anyOf.set(words, (re = words.length ? new RegExp(alt(words)) : /(?!)/));
  return re.test(text);
}
