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
  /** lines[i] = original 1-based line of text[i]; length text.length + 1 (end sentinel) */
  readonly lines: Int32Array;
  /** pages[i] = 1-based page of text[i] (PDF only) */
  readonly pages?: Int32Array;
  /** what reading the input had to repair (bad bytes replaced …): recorded in the manifest */
  readonly warnings?: readonly string[];
}

/** Accumulates text together with the original line (and page) of every char. */
export class TextBuilder {
  private parts: string[] = [];
  private lineRuns: number[] = []; // pairs [length, line]
  private pageRuns: number[] = []; // pairs [length, page]
  private length = 0;
  private lastLine = 1;
  private lastPage = 1;

  push(s: string, line: number, page = 1): void {
    if (!s) return;
    this.parts.push(s);
    this.lineRuns.push(s.length, line);
    this.pageRuns.push(s.length, page);
    this.length += s.length;
    this.lastLine = line;
    this.lastPage = page;
  }

  /** Copy text[from, to) of an existing source with its own map entries. */
  copy(src: Source, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const line = src.lines[i]!;
      const page = src.pages ? src.pages[i]! : 1;
      let j = i + 1;
      while (j < to && src.lines[j] === line && (!src.pages || src.pages[j] === page)) j++;
      this.push(src.text.slice(i, j), line, page);
      i = j;
    }
  }

  build(file: string, format: InputFormat, withPages = false): Source {
    const text = this.parts.join("");
    const lines = new Int32Array(text.length + 1);
    const pages = withPages ? new Int32Array(text.length + 1) : undefined;
    let o = 0;
    for (let k = 0; k < this.lineRuns.length; k += 2) {
      const n = this.lineRuns[k]!;
      lines.fill(this.lineRuns[k + 1]!, o, o + n);
      if (pages) pages.fill(this.pageRuns[k + 1]!, o, o + n);
      o += n;
    }
    lines[text.length] = this.lastLine;
    if (pages) pages[text.length] = this.lastPage;
    return pages ? { file, format, text, lines, pages } : { file, format, text, lines };
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
    if (rep) b.push(rep, src.lines[m.index]!, src.pages ? src.pages[m.index]! : 1);
    last = m.index + m[0].length;
  }
  if (!changed) return src;
  b.copy(src, last, src.text.length);
  return b.build(src.file, src.format, !!src.pages);
}

/** 1-based original line of a text offset. */
export function lineAt(src: Source, offset: number): number {
  return src.lines[Math.max(0, Math.min(offset, src.text.length))]!;
}

export function pageAt(src: Source, offset: number): number | undefined {
  return src.pages ? src.pages[Math.max(0, Math.min(offset, src.text.length))] : undefined;
}
