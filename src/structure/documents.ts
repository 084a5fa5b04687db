import type { Source } from "../ingest/source.js";
import { DATE_LINE, TITLE_END } from "../shared/patterns.js";
import { collectTables, splitBlocks, splitSentences } from "./blocks.js";
import { parseDocNumber, readDocInfo } from "./doc-info.js";
import { findTitleLine, untitledName } from "./title.js";
import { detectHeading } from "./headings.js";
import { flat, linesOf, type Line } from "./lines.js";
import { levelOfHeader, locateTitles, parseToc, type TocEntry } from "./toc.js";
import type { Doc, DocumentInfo, Span } from "./types.js";
import { levelHeaderTitle } from "./toc.js";

/**
 * Split a source into policy documents. A compilation prints a 目录 whose
 * numbered entries are document titles; each is found again in the body and
 * starts a document. A file without such a table of contents is one document
 * (a plan, an opinion, a news item carrying an opinion).
 */

function buildDoc(src: Source, lines: Line[], first: number, endLine: number, hint: Partial<TocEntry>, untitled?: string | "file"): Doc {
  const span = { start: lines[first]!.start, end: lines[endLine - 1]!.end };
  return makeDoc(src, span, readDocInfo(src, lines, first, endLine, hint, untitled), lines.slice(first, endLine));
}

/** The document on `span`; `lines` are the span's non-blank lines (linesOf's). */
export function makeDoc(src: Source, span: Span, info: DocumentInfo, lines: readonly Line[]): Doc {
  const blocks = splitBlocks(src, span, lines);
  // one literal, not `{ ...span, … }`: a spread copied in optimized code gave the document another shape than
  // copied by the interpreter, and every reader compiled for one (blockAt, clausesOf) deoptimized at the other
  return { start: span.start, end: span.end, source: src, info, blocks, sentences: splitSentences(blocks), tables: collectTables(blocks) };
}

/** A line wholly in brackets, e.g. "(此件公开发布)" closing the document before: never part of a title. */
const BRACKETED_NOTE = /^[(（][^()（）]*[)）]$/;

/** Title lines (possibly wrapped over up to three lines) directly followed by a 文号 line. */
function numberedHeads(lines: Line[]): number[] {
  const heads: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!parseDocNumber(lines[i]!.text)) continue;
    let joined = "";
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const t = lines[k]!.text;
      if (t.length > 60 || /[。；：:]/.test(t) || detectHeading(t)) break;
      joined = flat(t) + joined;
      if (TITLE_END.test(joined) && (k === 0 || !TITLE_END.test(flat(lines[k - 1]!.text)) || k === i - 3)) {
        // extend upwards over the wrapped head of the title (lines that do not end a title)
        let top = k;
        while (top - 1 >= 0 && top > i - 3 && lines[top - 1]!.text.length <= 40 && !/[。；：:，]/.test(lines[top - 1]!.text)
          && !BRACKETED_NOTE.test(lines[top - 1]!.text)
          && !TITLE_END.test(flat(lines[top - 1]!.text)) && !parseDocNumber(lines[top - 1]!.text) && !DATE_LINE.test(lines[top - 1]!.text)
          && lines[top]!.start - lines[top - 1]!.end <= 1) top--;
        if (!heads.length || top > heads[heads.length - 1]!) heads.push(top);
        break;
      }
    }
  }
  return heads;
}

/**
 * Body text between the front matter (cover, 目录) and the first document
 * found, when it holds sentences, is a document whose head was not recognised:
 * it is kept as one (its title line if it prints one), never dropped.
 */
function leadingDoc(src: Source, lines: Line[], from: number, to: number): Doc[] {
  let prose = false;
  for (let i = from; i < to && !prose; i++) prose = /[。；]/.test(lines[i]!.text);
  if (!prose) return [];
  const t = findTitleLine(lines, from, to);
  return [buildDoc(src, lines, t ?? from, to, {}, t === null ? untitledName(lines[from]!.text) : undefined)];
}

export function splitDocuments(src: Source): Doc[] {
  const lines = linesOf(src);
  if (!lines.length) return [];
  const toc = parseToc(lines);
  if (toc) {
    const at = locateTitles(lines, toc.end, toc.entries);
    const starts = at.map((x, k) => ({ x, k })).filter((s): s is { x: number; k: number } => s.x !== null);
    if (starts.length >= 2) {
      return [...leadingDoc(src, lines, toc.end, starts[0]!.x), ...starts.map((s, n) => {
        let end = n + 1 < starts.length ? starts[n + 1]!.x : lines.length;
        // a compilation level header (二、内蒙古自治区优惠政策) before the next title is not part of this document
        while (end - 1 > s.x && levelHeaderTitle(lines[end - 1]!.text, 20) !== null && levelOfHeader(lines[end - 1]!.text)) end--;
        return buildDoc(src, lines, s.x, end, toc.entries[s.k]!);
      })];
    }
  }
  // no 目录: several title + 文号 heads in one file still make several documents
  const heads = numberedHeads(lines);
  if (heads.length >= 2) {
    return [...leadingDoc(src, lines, 0, heads[0]!), ...heads.map((h, n) => buildDoc(src, lines, h, n + 1 < heads.length ? heads[n + 1]! : lines.length, {}))];
  }
  const t = findTitleLine(lines);
  if (t !== null) return [buildDoc(src, lines, t, lines.length, {})];
  // no printed title: the whole file is one document, named by its page title or file (contract v3)
  return [buildDoc(src, lines, 0, lines.length, {}, "file")];
}


export { parseDocNumber, untitledName };
