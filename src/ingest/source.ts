import { mapPacked } from "../shared/arrays.js";
/**
 * A Source is the text of one input after ingest and normalisation, plus a
 * position map: for every UTF-16 offset of `text`, the 1-based line (and, for
 * PDF, the page) of the ORIGINAL file the character came from. Every
 * transformation goes through `TextBuilder`, so the map can never be lost.
 */
export type InputFormat = "txt" | "html" | "pdf" | "docx";

export interface Source {
  /** base name of the input file, e.g. `004_37e45ae1c4b0ca61.txt` */
  readonly file: string;
  readonly format: InputFormat;
  readonly text: string;
  /** original line (and page) of every offset of `text`, and of `text.length` (the end) */
  readonly map: PositionMap;
  /** what reading the input had to repair (bad bytes replaced …): recorded in the manifest */
  readonly warnings?: readonly string[];
}

/**
 * The position map, kept as runs: run k covers text offsets
 * [starts[k], starts[k + 1]) and all its characters come from line lineOf[k]
 * (page pageOf[k]). A line of text is one run, whatever its length, so the map
 * of a 9 M-character page is kilobytes, where one number per character was
 * 36 MB. Lookups go through a hint (the run found last): extractors and
 * rewrites ask in text order, so most lookups cost one comparison.
 */
export class PositionMap {
  private hint = 0;
  constructor(
    /** start offset of each run, increasing; starts[0] = 0 */
    readonly starts: Int32Array,
    readonly lineOf: Int32Array,
    /** PDF only */
    readonly pageOf: Int32Array | null,
    /** length of the text mapped */
    readonly length: number,
    /** line and page of offset `length`: where the text ended */
    private readonly endLine: number,
    private readonly endPage: number,
    /**
     * run k is the text's line k (it starts where the line starts) and comes from original
     * line lineOf[0] + k, without pages: the map sourceFromLines makes, which the text's
     * line starts make again after an edit within lines (see `withLineText`)
     */
    readonly byLine = false,
  ) {}

  get runs(): number { return this.starts.length; }
  /**
   * first offset past run k. The length is read on every call, not in the branch of the last run only:
   * met first at a text's last run, after runAt and copy were compiled, that read had no type feedback
   * and deoptimized them ("Insufficient type feedback")
   */
  end(k: number): number {
    const last = this.length;
    return k + 1 < this.starts.length ? this.starts[k + 1]! : last;
  }

  /** the run holding `offset` (0 ≤ offset < length) */
  runAt(offset: number): number {
    const s = this.starts;
    let k = this.hint;
    if (k < s.length && s[k]! <= offset && offset < this.end(k)) return k;
    if (k + 1 < s.length && s[k + 1]! <= offset && offset < this.end(k + 1)) return (this.hint = k + 1);
    let lo = 0, hi = s.length - 1; // largest k with starts[k] <= offset
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return (this.hint = lo);
  }

  /** 1-based original line of `offset`, clamped to [0, length] */
  line(offset: number): number {
    if (offset >= this.length || this.starts.length === 0) return this.endLine;
    return this.lineOf[this.runAt(Math.max(0, offset))]!;
  }

  /** 1-based page of `offset` (1 when the input has no pages) */
  page(offset: number): number {
    if (!this.pageOf) return 1;
    if (offset >= this.length || this.starts.length === 0) return this.endPage;
    return this.pageOf[this.runAt(Math.max(0, offset))]!;
  }
}

/** Accumulates text together with the original line (and page) of every char. */
export class TextBuilder {
  private parts: string[] = [];
  private runStarts: number[] = [];
  private runLines: number[] = [];
  private runPages: number[] = [];
  private length = 0;
  private lastLine = 1;
  private lastPage = 1;

  push(s: string, line: number, page = 1): void {
    if (!s) return;
    this.parts.push(s);
    this.addRun(this.length, line, page);
    this.length += s.length;
  }

  /** Text from `at` on comes from `line` (and `page`); a piece from the line and page of the one before extends its run. */
  private addRun(at: number, line: number, page: number): void {
    const n = this.runStarts.length;
    if (n === 0 || this.runLines[n - 1] !== line || this.runPages[n - 1] !== page) {
      this.runStarts.push(at);
      this.runLines.push(line);
      this.runPages.push(page);
    }
    this.lastLine = line;
    this.lastPage = page;
  }

  /**
   * Copy text[from, to) of an existing source with its own map entries. The text
   * goes in as one piece and only the runs are copied one by one: a piece per
   * run (per line) made the final join and the builder's arrays as long as the
   * text has lines (with sourceFromLines below, ingest of 3.2 MB warm: 92-98 -> 79-82 ms, best of 15).
   */
  copy(src: Source, from: number, to: number): void {
    if (from >= to) return;
    const map = src.map;
    const base = this.length - from;
    for (let k = map.runAt(from); k < map.starts.length && map.starts[k]! < to; k++) {
      this.addRun(Math.max(map.starts[k]!, from) + base, map.lineOf[k]!, map.pageOf ? map.pageOf[k]! : 1);
    }
    this.parts.push(src.text.slice(from, to));
    this.length += to - from;
  }

  build(file: string, format: InputFormat, withPages = false): Source {
    const text = this.parts.join("");
    this.parts = [];
    const map = new PositionMap(Int32Array.from(this.runStarts), Int32Array.from(this.runLines), withPages ? Int32Array.from(this.runPages) : null, text.length, this.lastLine, withPages ? this.lastPage : 1);
    return { file, format, text, map };
  }
}

/**
 * Build a Source from plain text whose lines ARE the original lines (txt input).
 * The map is made straight from the line starts and the text kept as it is:
 * through a TextBuilder every line was a piece joined back into a copy of the text.
 */
export function sourceFromLines(file: string, format: InputFormat, text: string, pageOfLine?: (line: number) => number, firstLine = 1): Source {
  // a run per line that holds a character: no empty run after a final line break (or for an empty text)
  const starts = lineStarts(text);
  if (starts[starts.length - 1] === text.length) starts.pop();
  const runs = starts.length;
  const lineOf = new Int32Array(runs);
  for (let k = 0; k < runs; k++) lineOf[k] = firstLine + k;
  let pageOf: Int32Array | null = null;
  if (pageOfLine) {
    pageOf = new Int32Array(runs);
    for (let k = 0; k < runs; k++) pageOf[k] = pageOfLine(firstLine + k);
  }
  // the end is on the last line that holds a character (the first line for an empty text)
  const endLine = firstLine + Math.max(0, runs - 1);
  const map = new PositionMap(Int32Array.from(starts), lineOf, pageOf, text.length, endLine, pageOf && runs ? pageOf[runs - 1]! : 1, !pageOf);
  return { file, format, text, map };
}

/**
 * A source mapped line by line (`map.byLine`) with its text edited within lines into
 * `text`: no line break removed or added, so each line keeps its original line and the
 * map is made from the new text's line starts. An edit's matches and their
 * replacements need no map of their own, nor a copy of the runs between them.
 */
export function withLineText(src: Source, text: string): Source {
  if (!src.map.byLine) throw new Error("withLineText needs a source mapped line by line");
  return text === src.text ? src : sourceFromLines(src.file, src.format, text, undefined, src.map.line(0));
}

/**
 * A text still held as consecutive pieces of whole lines (a text file decoded
 * piece by piece), each but the last ending with "\n", whose lines ARE the
 * original lines, from line 1: what normalize takes to build the text once, where a
 * whole decoded text would be built only to be built again. No piece has a map of
 * its own: the text's map is made once, when the edited pieces are joined
 * (`editLinesByPieces`).
 */
export interface SourcePieces {
  readonly file: string;
  readonly format: InputFormat;
  readonly texts: readonly string[];
  readonly warnings?: readonly string[];
}

/**
 * Rewrite a source: every match of `re` (global, linear-time pattern) is
 * replaced by `replace(match)`; unchanged text keeps its map, replacement text
 * takes the position of the match's first character.
 */
export function rewrite(src: Source, re: RegExp, replace: (m: RegExpExecArray) => string): Source {
  if (!re.global) throw new Error("rewrite needs a global RegExp");
  const b = new TextBuilder();
  let last = 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let changed = false;
  while ((m = re.exec(src.text))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const rep = replace(m);
    if (rep === m[0]) continue;
    changed = true;
    b.copy(src, last, m.index);
    if (rep) b.push(rep, src.map.line(m.index), src.map.page(m.index));
    last = m.index + m[0].length;
  }
  if (!changed) return src;
  b.copy(src, last, src.text.length);
  return b.build(src.file, src.format, !!src.map.pageOf);
}

/**
 * A source's text from `from` to `to` (a line start and a line end past its
 * "\n", or the end), as a source of its own: offsets count from `from`, every
 * character keeps its original line (and page). The text is a slice (V8 keeps
 * it as a view, no copy) and the map the runs it covers.
 */
export function subSource(src: Source, from: number, to: number): Source {
  const map = src.map;
  const first = from < map.length ? map.runAt(from) : map.starts.length;
  let last = first; // one past the last run starting before `to`
  while (last < map.starts.length && map.starts[last]! < to) last++;
  const starts = new Int32Array(last - first);
  for (let k = first; k < last; k++) starts[k - first] = Math.max(0, map.starts[k]! - from);
  const sub = new PositionMap(starts, map.lineOf.subarray(first, last), map.pageOf ? map.pageOf.subarray(first, last) : null, to - from, map.line(to), map.page(to), map.byLine);
  return { file: src.file, format: src.format, text: src.text.slice(from, to), map: sub };
}

/**
 * About this many characters make a piece for `editByPieces`: its strings (2 bytes a
 * character) stay well below V8's regular object size limit (128 KB).
 */
const PIECE = 16384;

/** Ranges [from, to) of a text, in order and apart. */
export type Cuts = ReadonlyArray<readonly [number, number]>;

/** Where the piece of `text` that starts at `from` (a line start) ends: past the last line break inside PIECE characters, else (one long line) past the next one, else at the end. */
function pieceEnd(text: string, from: number): number {
  let nl = text.length - from <= PIECE ? -1 : text.lastIndexOf("\n", from + PIECE - 1);
  if (nl < from && text.length - from > PIECE) nl = text.indexOf("\n", from + PIECE);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * `edit` applied to `src` piece by piece, a piece being whole lines of about PIECE
 * characters (a longer line is a piece of its own), and the pieces joined once,
 * without the ranges `cutsOf` finds in the lines of the edited text (read from the
 * pieces, never joined for it). `edit` must read nothing across a line break and
 * leave line breaks as they are, so that editing the pieces is editing the whole.
 * Why: every rewrite that changes a text builds all of it again, and a string
 * above V8's regular object size is a large object, which gets freshly mapped
 * pages at every allocation: on this machine building 3.2 MB of text took ~22 ms
 * warm, most of it page faults, for ~2 rewrites a file. A piece's strings are
 * small and die young, and the text is built whole once, or not at all.
 */
export function editByPieces(src: Source, edit: (piece: Source) => Source, cutsOf?: (lines: TextLines) => Cuts): Source {
  const pieces: Source[] = [];
  let changed = false;
  const text = src.text;
  let from = 0;
  do {
    const to = pieceEnd(text, from);
    const piece = from === 0 && to === text.length ? src : subSource(src, from, to);
    const edited = edit(piece);
    if (edited !== piece) changed = true;
    pieces.push(edited);
    from = to;
  } while (from < text.length);
  const cuts = cutsOf ? cutsOf(linesOfPieces(mapPacked(pieces, (p) => p.text))) : [];
  // a source that nothing changed is its own result
  if (!changed && !cuts.length) return src;
  return joinPieces(pieces, cuts, src.file, src.format, !!src.map.pageOf);
}

/**
 * `editByPieces` for a text whose lines are original lines firstLine, firstLine + 1, …
 * (a text file's pieces, or a source mapped line by line), edited as text by `edit`,
 * which keeps every line break. No piece gets a map: the joined text's is made once,
 * a run per line from the lines `cutsOf` read, without the lines inside a cut (the
 * line after a cut starts a run of its own). Through pieces with maps, every line's
 * run was made for its piece, made again after each edit that changed the piece, and
 * copied into the joined map by a call per run.
 */
export function editLinesByPieces(file: string, format: InputFormat, texts: readonly string[], firstLine: number, edit: (text: string) => string, cutsOf: (lines: TextLines) => Cuts): Source {
  const pieces: string[] = [];
  for (const text of texts) {
    let from = 0;
    do {
      const to = pieceEnd(text, from);
      pieces.push(edit(from === 0 && to === text.length ? text : text.slice(from, to)));
      from = to;
    } while (from < text.length);
  }
  const lines = linesOfPieces(pieces);
  const cuts = cutsOf(lines);
  // the text: each piece around the cuts (a cut may run over pieces)
  const parts: string[] = [];
  let base = 0, at = 0, c = 0;
  for (const p of pieces) {
    const end = base + p.length;
    while (at < end) {
      const cut = c < cuts.length && cuts[c]![0] < end ? cuts[c]! : null;
      parts.push(p.slice(at - base, (cut ? cut[0] : end) - base));
      if (!cut) { at = end; break; }
      at = Math.max(at, cut[1]);
      c++;
    }
    base = end;
  }
  const text = parts.length === 1 ? parts[0]! : parts.join("");
  // the map: a run per line that holds a character (not the empty line after a final "\n"), lines inside a
  // cut left out; `removed` counts what the cuts opening before a line removed (their union: cuts may overlap)
  const { starts } = lines;
  const runStarts = new Int32Array(starts.length), runLines = new Int32Array(starts.length);
  let n = 0, removed = 0, cutTo = 0;
  c = 0;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    if (s >= base) break;
    for (; c < cuts.length && cuts[c]![0] < s; c++) {
      const from = Math.max(cuts[c]![0], cutTo), to = cuts[c]![1];
      if (to > from) { removed += to - from; cutTo = to; }
    }
    if (s < cutTo) continue;
    runStarts[n] = s - removed;
    runLines[n] = firstLine + k;
    n++;
  }
  // the end is on the last line that holds a character (line 1 in an empty text, as a TextBuilder has it)
  const map = new PositionMap(runStarts.subarray(0, n), runLines.subarray(0, n), null, text.length, n ? runLines[n - 1]! : 1, 1, !cuts.length);
  return { file, format, text, map };
}

/** One text held as consecutive pieces, without the ranges `cuts` (offsets into the whole), built once. */
function joinPieces(pieces: readonly Source[], cuts: Cuts, file: string, format: InputFormat, withPages: boolean): Source {
  const b = new TextBuilder();
  let base = 0, at = 0, c = 0;
  for (const p of pieces) {
    const end = base + p.text.length;
    while (at < end) {
      const cut = c < cuts.length && cuts[c]![0] < end ? cuts[c]! : null;
      b.copy(p, at - base, (cut ? cut[0] : end) - base);
      if (!cut) { at = end; break; }
      at = Math.max(at, cut[1]);
      c++;
    }
    base = end;
  }
  return b.build(file, format, withPages);
}

/**
 * A source without the ranges `cuts` ([from, to), in order, apart): the text
 * left keeps its own map entries. What `rewrite` does when the places to remove
 * are known already, without a match and a callback at every candidate.
 */
export function removeRanges(src: Source, cuts: Cuts): Source {
  return cuts.length ? joinPieces([src], cuts, src.file, src.format, !!src.map.pageOf) : src;
}

/**
 * The lines of a text: where each starts (0, then after every "\n", as
 * `lineStarts` gives them) and its text without the "\n".
 */
export interface TextLines {
  readonly starts: readonly number[];
  text(k: number): string;
}

export function linesOfText(text: string): TextLines {
  const starts = lineStarts(text);
  // the last line's end is read here, once: in the reader, starts[k + 1] past the array's end and the
  // branch only the last line takes had no type feedback when V8 had compiled it (pageBreakCuts reads
  // every line), and the last line of each text deoptimized it
  const end = text.length + 1;
  return { starts, text: (k) => text.slice(starts[k]!, (k + 1 < starts.length ? starts[k + 1]! : end) - 1) };
}

/**
 * The lines of a text held as consecutive pieces, each but the last ending with
 * its "\n" (as editByPieces cuts them), so that a line lies in one piece.
 */
function linesOfPieces(pieces: readonly string[]): TextLines {
  if (pieces.length === 1) return linesOfText(pieces[0]!);
  const starts = [0];
  const pieceOf = [0]; // the piece holding each line (pieces.length for the empty line after a final "\n")
  const bases: number[] = [];
  let base = 0;
  for (let j = 0; j < pieces.length; j++) {
    const t = pieces[j]!;
    bases.push(base);
    for (let nl = t.indexOf("\n"); nl >= 0; nl = t.indexOf("\n", nl + 1)) {
      starts.push(base + nl + 1);
      pieceOf.push(nl + 1 < t.length ? j : j + 1);
    }
    base += t.length;
  }
  // the last line runs to the end of the text (it lies in the last piece): its end is read here, once, not in
  // a branch of the reader only the last line takes (as in linesOfText)
  const end = base + 1;
  return {
    starts,
    text: (k) => {
      const j = pieceOf[k]!;
      if (j >= pieces.length) return "";
      const t = pieces[j]!;
      return t.slice(starts[k]! - bases[j]!, (k + 1 < starts.length ? starts[k + 1]! : end) - 1 - bases[j]!);
    },
  };
}

/**
 * Where each line of `text` starts: 0, then after every "\n" (text.length when the
 * text ends with one). Found with indexOf, a native search: a loop over every
 * character in JavaScript ran interpreted on a cold start.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) starts.push(nl + 1);
  return starts;
}

/** 1-based original line of a text offset. */
export function lineAt(src: Source, offset: number): number {
  return src.map.line(offset);
}

export function pageAt(src: Source, offset: number): number | undefined {
  return src.map.pageOf ? src.map.page(offset) : undefined;
}
