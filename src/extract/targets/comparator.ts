import { charClass } from "../../shared/char-class.js";
import { holdsAny } from "../../shared/lexicon.js";
import {
  COMPARATOR_PREFIX, COMPARATOR_SUFFIX, PREFIX_WINDOW, TIME_CIRCLE_WORDS, TIME_UNITS, type Comparator,
} from "./phrases.js";

/**
 * The comparator of a value from the words around it (phrase table in
 * data/target-phrases.json): 左右/约 → approx wins; a suffix (以上, 以内)
 * beats a prefix (稳定在…以上 → gte); a prefix within a few characters
 * before the value (不低于, 突破, 控制在); a time distance that defines a
 * service circle or latency class (15分钟…圈, 5ms级) → lte; else eq.
 */

export interface Suffix { readonly comparator: Comparator; readonly phrase: string }
/** the suffix phrases as the answers suffixAt gives (made once, shared: read them, never change them) */
const SUFFIXES: readonly Suffix[] = COMPARATOR_SUFFIX.map(([phrase, comparator]) => Object.freeze({ comparator, phrase }));
/** their first characters: most values are followed by none, and one lookup says so (an empty phrase would follow every value) */
const SUFFIX_FIRST = charClass(SUFFIXES.map((x) => x.phrase[0] ?? "").join(""));
const EMPTY_SUFFIX = SUFFIXES.some((x) => !x.phrase);

/** Suffix comparator written at text[pos…] (after the quantity), with its length. */
export function suffixAt(text: string, pos: number): Suffix | null {
  // a value at the clause's end is followed by nothing: said before charCodeAt reads past the end, which throws
  // the optimized suffixAt (and the clauseTargets it is inlined into) back to the interpreter once ("out of bounds")
  if (!EMPTY_SUFFIX && (pos >= text.length || !SUFFIX_FIRST.has(text.charCodeAt(pos)))) return null;
  for (let k = 0; k < SUFFIXES.length; k++) if (text.startsWith(SUFFIXES[k]!.phrase, pos)) return SUFFIXES[k]!;
  return null;
}

/** the prefix phrases alone: one test says whether a window holds any */
const PREFIX_PHRASES = COMPARATOR_PREFIX.map(([p]) => p);

/** The last prefix comparator in the few characters before `pos`. */
export function prefixBefore(text: string, from: number, pos: number): { comparator: Comparator; phrase: string; at: number } | null {
  const lo = Math.max(from, pos - PREFIX_WINDOW);
  const window = text.slice(lo, pos);
  // most values have none before them: one native test, not a search per phrase (the loop below made this function hot)
  if (!holdsAny(window, PREFIX_PHRASES)) return null;
  let best: { comparator: Comparator; phrase: string; at: number } | null = null;
  for (let k = 0; k < COMPARATOR_PREFIX.length; k++) {
    const p = COMPARATOR_PREFIX[k]![0], c = COMPARATOR_PREFIX[k]![1];
    const i = window.lastIndexOf(p);
    if (i < 0) continue;
    // the latest phrase wins; at the same end the longer one (不低于 over 低于)
    const end = i + p.length;
    if (!best || end > best.at + best.phrase.length || (end === best.at + best.phrase.length && p.length > best.phrase.length)) {
      best = { comparator: c, phrase: p, at: lo + i };
    }
  }
  // 不超过 ends where 超过 ends: the longer phrase must start earlier, not later
  return best;
}

export interface ComparatorInput {
  text: string;
  /** where the clause starts (prefixes are not read across it) */
  clauseStart: number;
  /** quantity span */
  start: number;
  end: number;
  /** base unit of the quantity as written, without scale word (分钟, ms) */
  unit: string | null;
  /** a suffix shared by a list of values (3000名、5000名左右) */
  sharedSuffix?: Comparator | null;
  /** clause end, for service-circle words */
  clauseEnd: number;
}

export function comparatorOf(q: ComparatorInput): { comparator: Comparator; suffix: string | null; prefix: string | null } {
  const suf = suffixAt(q.text, q.end);
  const pre = prefixBefore(q.text, q.clauseStart, q.start);
  const suffix = suf?.phrase ?? null;
  const prefix = pre?.phrase ?? null;
  if (suf?.comparator === "approx" || q.sharedSuffix === "approx" || pre?.comparator === "approx") {
    return { comparator: "approx", suffix, prefix };
  }
  if (suf) return { comparator: suf.comparator, suffix, prefix };
  if (q.sharedSuffix) return { comparator: q.sharedSuffix, suffix, prefix };
  if (pre) return { comparator: pre.comparator, suffix, prefix };
  if (q.unit && TIME_UNITS.has(baseTimeUnit(q.unit))) {
    const rest = q.text.slice(q.end, Math.min(q.clauseEnd, q.end + 24)); // the circle word follows closely
    if (holdsAny(rest, TIME_CIRCLE_WORDS)) return { comparator: "lte", suffix, prefix };
  }
  return { comparator: "eq", suffix, prefix };
}

function baseTimeUnit(unit: string): string {
  return unit.replace(/[”“"]/g, "");
}
