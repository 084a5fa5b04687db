import { RegExpParser, type AST } from "@eslint-community/regexpp";

/**
 * Words a match of a regular expression must contain, read from its source:
 * `(?<v>全覆盖)$` needs 全覆盖, `(?<v>初步形成|基本形成)$` needs 初步形成 or
 * 基本形成. The qualitative patterns (target-phrases.json) are tried only on a
 * clause holding one of their words: most clauses hold none, and a regular
 * expression with character classes and `$` is tried at every position of
 * every clause. The words are derived, never written twice, so the patterns
 * stay the one statement of what they match.
 *
 * The source is parsed by regexpp (ESLint's parser of ECMAScript regular
 * expressions), and its tree read conservatively: where a word is not certain
 * (a class, an optional part, a lookaround, a back-reference) it asks for
 * nothing, and a pattern it cannot parse gets `null` (try it on every clause).
 */

/** at least one of these words is in every match; null: no such word known */
export type Need = readonly string[] | null;

/** The more selective of two needs: the one whose shortest word is longer (fewer words on a tie). */
function better(a: Need, b: Need): Need {
  if (!a) return b;
  if (!b) return a;
  const shortest = (ws: readonly string[]) => ws.reduce((m, w) => Math.min(m, w.length), Infinity);
  const la = shortest(a), lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

/** A word of the list that contains another one is redundant: the shorter is found wherever it is. */
function minimal(words: readonly string[]): string[] {
  const uniq = [...new Set(words)];
  return uniq.filter((w) => !uniq.some((o) => o !== w && w.includes(o)));
}

/** Alternatives: a match goes through one of them, so it holds one of their words, if each has some. */
function alternativesNeed(alts: readonly AST.Alternative[]): Need {
  const branches = alts.map(sequenceNeed);
  if (branches.some((b) => b === null)) return null;
  return minimal(branches.flatMap((b) => b!));
}

/** One alternative: characters in a row are one word; of that and what its groups need, the most selective. */
function sequenceNeed(alt: AST.Alternative): Need {
  let need: Need = null;
  let run = "";
  for (const e of alt.elements) {
    if (e.type === "Character") { run += String.fromCodePoint(e.value); continue; }
    if (run) need = better(need, [run]);
    run = "";
    need = better(need, elementNeed(e));
  }
  return run ? better(need, [run]) : need;
}

function elementNeed(e: AST.Element): Need {
  switch (e.type) {
    case "Character": return [String.fromCodePoint(e.value)];
    case "Group":
    case "CapturingGroup": return alternativesNeed(e.alternatives);
    case "Quantifier": return e.min >= 1 ? elementNeed(e.element) : null;
    // a class or set matches one of many characters; an assertion (^ $ \b, a lookaround) consumes nothing; a back-reference may be empty
    default: return null;
  }
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** Words one of which every match of `source` (compiled with the `u` flag alone) contains, or null. */
export function requiredWords(source: string): Need {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return null;
  }
  const need = alternativesNeed(pattern.alternatives);
  return need && need.length && need.every((w) => w.length > 0) ? need : null;
}
