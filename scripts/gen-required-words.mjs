#!/usr/bin/env node
// Derives src/generated/required-words.json from the qualitative target patterns
// (src/data/target-phrases.json): for each pattern, words one of which every match
// contains. Run by `npm run build` (before tsc). The qualitative patterns are then
// tried only on a clause holding one of their words (src/extract/targets/qualitative.ts):
// most clauses hold none, and a regular expression with character classes and `$` is
// tried at every position of every clause. The words are derived, never written twice,
// so the patterns stay the one statement of what they match.
//
// The words are read from each pattern's parse tree, made by regexpp (ESLint's parser
// of ECMAScript regular expressions) here at build time: parsing the table at every
// start cost 15-25 ms a process. Entries are keyed by the pattern's source, so a
// pattern changed since the build finds no entry and is tried on every clause: a
// stale file costs time, never a record.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RegExpParser } from "@eslint-community/regexpp";

/** @typedef {readonly string[] | null} Need  at least one of these words is in every match; null: no such word known */

/** The more selective of two needs: the one whose shortest word is longer (fewer words on a tie). @returns {Need} */
function better(/** @type {Need} */ a, /** @type {Need} */ b) {
  if (!a) return b;
  if (!b) return a;
  const shortest = (/** @type {readonly string[]} */ ws) => ws.reduce((m, w) => Math.min(m, w.length), Infinity);
  const la = shortest(a), lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

/** A word of the list that contains another one is redundant: the shorter is found wherever it is. */
function minimal(/** @type {readonly string[]} */ words) {
  const uniq = [...new Set(words)];
  return uniq.filter((w) => !uniq.some((o) => o !== w && w.includes(o)));
}

/** Alternatives: a match goes through one of them, so it holds one of their words, if each has some. @returns {Need} */
function alternativesNeed(alts) {
  const branches = alts.map(sequenceNeed);
  if (branches.some((b) => b === null)) return null;
  return minimal(branches.flatMap((b) => b));
}

/** One alternative: characters in a row are one word; of that and what its groups need, the most selective. @returns {Need} */
function sequenceNeed(alt) {
  /** @type {Need} */
  let need = null;
  let run = "";
  for (const e of alt.elements) {
    if (e.type === "Character") { run += String.fromCodePoint(e.value); continue; }
    if (run) need = better(need, [run]);
    run = "";
    need = better(need, elementNeed(e));
  }
  return run ? better(need, [run]) : need;
}

/** @returns {Need} */
function elementNeed(e) {
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

/**
 * Words one of which every match of `source` (compiled with the `u` flag alone)
 * contains, or null: where a word is not certain (a class, an optional part, a
 * lookaround, a back-reference) nothing is asked, and a pattern regexpp cannot
 * parse gets null (try it on every clause).
 * @param {string} source
 * @returns {Need}
 */
export function requiredWords(source) {
  let pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return null;
  }
  const need = alternativesNeed(pattern.alternatives);
  return need && need.length && need.every((w) => w.length > 0) ? need : null;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const GENERATED = join(root, "src", "generated", "required-words.json");

/** The generated table: each qualitative pattern's source with its words. */
export function requiredWordsTable() {
  const table = JSON.parse(readFileSync(join(root, "src", "data", "target-phrases.json"), "utf8"));
  return Object.fromEntries(table.qualitative.patterns.map((p) => [p.re, requiredWords(p.re)]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(dirname(GENERATED), { recursive: true });
  writeFileSync(GENERATED, JSON.stringify(requiredWordsTable(), null, 2) + "\n");
}
