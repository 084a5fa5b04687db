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
  ) {}

  get runs(): number { return this.starts.length; }
  /** first offset past run k */
  end(k: number): number { return k + 1 < this.starts.length ? this.starts[k + 1]! : this.length; }

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
    // a piece from the line and page of the one before extends its run
    const n = this.runStarts.length;
    if (n === 0 || this.runLines[n - 1] !== line || this.runPages[n - 1] !== page) {
      this.runStarts.push(this.length);
      this.runLines.push(line);
      this.runPages.push(page);
    }
    this.length += s.length;
    this.lastLine = line;
    this.lastPage = page;
  }

  /** Copy text[from, to) of an existing source with its own map entries. */
  copy(src: Source, from: number, to: number): void {
    const map = src.map;
    let i = from;
    while (i < to) {
      const k = map.runAt(i);
      const j = Math.min(to, map.end(k));
      this.push(src.text.slice(i, j), map.lineOf[k]!, map.pageOf ? map.pageOf[k]! : 1);
      i = j;
    }
  }

  build(file: string, format: InputFormat, withPages = false): Source {
    const text = this.parts.join("");
    this.parts = [];
    const map = new PositionMap(Int32Array.from(this.runStarts), Int32Array.from(this.runLines), withPages ? Int32Array.from(this.runPages) : null, text.length, this.lastLine, withPages ? this.lastPage : 1);
    return { file, format, text, map };
  }
}

/** Build a Source from plain text whose lines ARE the original lines (txt input). */
export function sourceFromLines(file: string, format: InputFormat, text: string, pageOfLine?: (line: number) => number): Source {
  const b = new TextBuilder();
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const end = i < text.length ? i + 1 : i;
      b.push(text.slice(start, end), line, pageOfLine ? pageOfLine(line) : 1);
      line++;
      start = i + 1;
    }
  }
  return b.build(file, format, !!pageOfLine);
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

/** 1-based original line of a text offset. */
export function lineAt(src: Source, offset: number): number {
  return src.map.line(offset);
}

export function pageAt(src: Source, offset: number): number | undefined {
  return src.map.pageOf ? src.map.page(offset) : undefined;
}
