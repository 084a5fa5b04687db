/**
 * Words a match of a regular expression must contain, read from its source:
 * `(?<v>全覆盖)$` needs 全覆盖, `(?<v>初步形成|基本形成)$` needs 初步形成 or
 * 基本形成. The qualitative patterns (target-phrases.json) are tried only on a
 * clause holding one of their words: most clauses hold none, and a regular
 * expression with character classes and `$` is tried at every position of
 * every clause. The words are derived, never written twice, so the patterns
 * stay the one statement of what they match.
 *
 * The reading is conservative: where it cannot be sure a word is needed (a
 * class, an escape, an optional part, a lookaround) it asks for nothing, and
 * a pattern it cannot read at all gets `null` (try it on every clause).
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

class Reader {
  i = 0;
  constructor(readonly src: string) {}

  /** alternatives up to `)` or the end */
  alternation(): Need {
    const branches: Need[] = [this.sequence()];
    while (this.src[this.i] === "|") { this.i++; branches.push(this.sequence()); }
    if (branches.some((b) => b === null)) return null;
    return minimal(branches.flatMap((b) => b!));
  }

  /** terms up to `|`, `)` or the end */
  sequence(): Need {
    let need: Need = null;
    let run = "";
    const endRun = () => { if (run) need = better(need, [run]); run = ""; };
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const atom = this.atom();
      const min = this.quantifier();
      if (atom.literal !== null && min === 1 && !this.quantified) { run += atom.literal; continue; }
      endRun();
      if (min >= 1) need = better(need, atom.need);
    }
    endRun();
    return need;
  }

  /** set by quantifier(): the atom carried a quantifier (even {1}) */
  quantified = false;

  /** the least number of times the atom before must occur (1 when no quantifier follows) */
  quantifier(): number {
    const c = this.src[this.i];
    this.quantified = true;
    let min: number;
    if (c === "*") { this.i++; min = 0; }
    else if (c === "+") { this.i++; min = 1; }
    else if (c === "?") { this.i++; min = 0; }
    else if (c === "{" && /^\{\d+(?:,\d*)?\}/.test(this.src.slice(this.i))) {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.i))!;
      this.i += m[0].length;
      min = Number(m[1]);
    } else { this.quantified = false; return 1; }
    if (this.src[this.i] === "?") this.i++; // lazy
    return min;
  }

  atom(): { literal: string | null; need: Need } {
    const c = this.src[this.i]!;
    if (c === "(") {
      this.i++;
      let lookaround = false;
      if (this.src.startsWith("?:", this.i)) this.i += 2;
      else if (/^\?<[A-Za-z_]\w*>/.test(this.src.slice(this.i, this.i + 40))) this.i = this.src.indexOf(">", this.i) + 1;
      else if (this.src[this.i] === "?") { lookaround = true; this.i += this.src.startsWith("?<", this.i) ? 3 : 2; }
      const need = this.alternation();
      if (this.src[this.i] !== ")") throw new Error("unbalanced group");
      this.i++;
      return { literal: null, need: lookaround ? null : need };
    }
    if (c === "[") {
      // a class: skip to its closing bracket (escapes inside skipped with it)
      this.i++;
      while (this.i < this.src.length && this.src[this.i] !== "]") this.i += this.src[this.i] === "\\" ? 2 : 1;
      if (this.i >= this.src.length) throw new Error("unclosed class");
      this.i++;
      return { literal: null, need: null };
    }
    if (c === "\\") {
      // an escape: \d, \u4e00, \. … read as no word (safe), skipping its characters
      const m = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<\w+>|p\{[^}]*\}|P\{[^}]*\}|\d+|[\s\S])/.exec(this.src.slice(this.i, this.i + 40));
      this.i += m ? m[0].length : 2;
      return { literal: null, need: null };
    }
    this.i++;
    if (c === "." || c === "^" || c === "$") return { literal: null, need: null };
    if ("*+?{}]".includes(c)) throw new Error(`unexpected ${c}`);
    // a surrogate pair is one literal character
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && this.i < this.src.length) return { literal: c + this.src[this.i++]!, need: null };
    return { literal: c, need: null };
  }
}

/** Words one of which every match of `source` (a pattern without the `i` or `x`-like flags) contains, or null. */
export function requiredWords(source: string): Need {
  try {
    const r = new Reader(source);
    const need = r.alternation();
    if (r.i !== source.length) return null;
    return need && need.length && need.every((w) => w.length > 0) ? need : null;
  } catch {
    return null;
  }
}
