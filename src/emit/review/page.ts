import { createHash } from "node:crypto";
import type { RecordType } from "../../generated/records.js";
import { readingOrder } from "../fields.js";
import { SCRIPT, STYLE } from "./assets.js";
import { esc, jsonData, pageShell } from "./html.js";
import { QuoteLocator, segments, type Span } from "./lines.js";

/**
 * The review page of one input: its records as a filterable, searchable list
 * beside its source text with line numbers; each record's quote is highlighted
 * on its line. The page depends on this input alone, so a merge of shards can
 * take it from the shard unchanged (src/merge/merge.ts).
 */
type Rec = Record<string, unknown> & { id: string; source_line: number; quote: string };

/** The page's path inside the output directory: review/<input name>.html, odd characters replaced (then a hash of the name keeps it unique). */
export function reviewPageName(input: string): string {
  const safe = input.replace(/[^\p{L}\p{N}._-]/gu, "_").slice(0, 120);
  const suffix = safe === input ? "" : `-${createHash("sha256").update(input).digest("hex").slice(0, 8)}`;
  return `review/${safe}${suffix}.html`;
}

/** The column a list entry is named by: the first content column that is not doc_title or section (title, indicator, name, beneficiary). */
export function labelField(type: RecordType): string {
  return readingOrder(type).find((f) => !f.bookkeeping && f.name !== "doc_title" && f.name !== "section")?.name ?? "quote";
}

/** Each line's quote spans: record i's quote, located on its line. */
function spansByLine(lines: readonly string[], recs: readonly Listed[]): Map<number, Array<{ span: Span; record: number }>> {
  let total = 0;
  for (const l of lines) total += l.length;
  const locator = new QuoteLocator(32 * total + 1_000_000);
  const byLine = new Map<number, Array<{ span: Span; record: number }>>();
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i]!.r;
    const text = lines[r.source_line - 1];
    if (text === undefined) continue;
    const span = locator.locate(r.source_line, text, r.quote);
    if (!span) continue;
    let a = byLine.get(r.source_line);
    if (!a) byLine.set(r.source_line, (a = []));
    a.push({ span, record: i });
  }
  return byLine;
}

/** One line of the source text, the quotes on it marked. */
function lineHtml(i: number, text: string, spans: ReadonlyArray<{ span: Span; record: number }> | undefined): string {
  let body = "";
  if (!spans) body = esc(text);
  else {
    let at = 0;
    for (const s of segments(spans)) {
      body += esc(text.slice(at, s.start));
      body += `<mark tabindex="0" role="button" data-r="${s.records.join(" ")}">${esc(text.slice(s.start, s.end))}</mark>`;
      at = s.end;
    }
    body += esc(text.slice(at));
  }
  return `${i ? "\n" : ""}<div class="l" id="L${i + 1}"><span class="n">${i + 1}</span><span class="x">${body}</span></div>`;
}

export interface ReviewInput {
  /** input file base name */
  file: string;
  types: readonly RecordType[];
  /** the records of this input, by type, in output order */
  records: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  /** the source text by line (src/emit/review/lines.ts) */
  lines: readonly string[];
  version: string;
}

/** A record in the page's list: its type beside it (not a copy of it with its type added). */
interface Listed { type: RecordType; r: Rec }

/**
 * The page (src/emit/review/html.ts `pageShell` around its body), in pieces made
 * as they are read: a line of source text or a record at a time, so the page of
 * an input of 10⁵ long-quoted records is written without being held (it is
 * several times the size of the records). One generator: each piece is handed
 * over once, not through a generator per part of the page. It reads `input` when
 * read, so nothing may change it before.
 */
export function* reviewPage(input: ReviewInput): Generator<string> {
  const recs: Listed[] = [];
  for (const type of input.types) for (const r of input.records[type] ?? []) recs.push({ type, r: r as Rec });
  // the list follows the text: by line, then type (stable: each type keeps its output order)
  recs.sort((a, b) => a.r.source_line - b.r.source_line);
  const labels = Object.fromEntries(input.types.map((t) => [t, labelField(t)]));
  const { head, tail } = pageShell({ title: `${input.file} · policy-extract review`, style: STYLE, script: SCRIPT });
  yield head;
  yield `<header><a href="index.html">← all inputs</a><h1>${esc(input.file)}</h1><span>${recs.length} records · ${input.lines.length} lines · policy-extract ${esc(input.version)}</span></header>
<main class="review">
<section id="side" aria-label="records">
<div id="filters">
<select id="f-type" aria-label="type"><option value="">all types</option></select>
<select id="f-doc" aria-label="document"><option value="">all documents</option></select>
<select id="f-stage" aria-label="stage"><option value="">any stage</option></select>
<select id="f-instrument" aria-label="instrument"><option value="">any instrument</option></select>
<input id="q" type="search" placeholder="search records ( / )" aria-label="search records">
</div>
<div id="count" role="status">${recs.length} records</div>
<div id="pin" hidden></div>
<ul id="list" aria-label="record list"></ul>
<div id="detail" aria-live="polite">Click a record (or use ↑ ↓) to see it on its line; click a highlighted passage to list its records.</div>
</section>
<section id="src" aria-label="source text of ${esc(input.file)}">
`;
  const { lines } = input;
  const byLine = spansByLine(lines, recs);
  for (let i = 0; i < lines.length; i++) yield lineHtml(i, lines[i]!, byLine.get(i + 1));
  // the page's data, `{...head, "records": [...]}`: the bytes of one jsonData call, a record at a time
  // (not one string of them all, and a second, escaped, copy of it)
  const open = jsonData({ file: input.file, types: input.types, labels });
  yield `
</section>
</main>
<script type="application/json" id="data">${open.slice(0, -1)},"records":[`;
  for (let i = 0; i < recs.length; i++) yield i ? `,${listedJson(recs[i]!)}` : listedJson(recs[i]!);
  yield "]}</script>";
  yield tail;
}

/**
 * jsonData of the record with its type first, `{"type": …, ...record}`, without
 * making that object: the record's own JSON with the type put in front. A
 * record's keys are its schema's (none is an array index, which an object lists
 * before "type"); one with a "type" of its own takes the slow way.
 */
function listedJson({ type, r }: Listed): string {
  if (Object.hasOwn(r, "type")) return jsonData({ type, ...r });
  const own = jsonData(r);
  return own === "{}" ? `{"type":${jsonData(type)}}` : `{"type":${jsonData(type)},${own.slice(1)}`;
}
