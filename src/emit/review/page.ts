import { createHash } from "node:crypto";
import type { RecordType } from "../../generated/records.js";
import { readingOrder } from "../fields.js";
import { SCRIPT, STYLE } from "./assets.js";
import { esc, jsonData, page } from "./html.js";
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

/** The source text, one element per line, with the quotes of `recs` marked: one piece per line. */
function* sourceHtml(lines: readonly string[], recs: readonly Rec[]): Generator<string> {
  const total = lines.reduce((n, l) => n + l.length, 0);
  const locator = new QuoteLocator(32 * total + 1_000_000);
  const byLine = new Map<number, Array<{ span: Span; record: number }>>();
  recs.forEach((r, i) => {
    const text = lines[r.source_line - 1];
    if (text === undefined) return;
    const span = locator.locate(r.source_line, text, r.quote);
    if (!span) return;
    let a = byLine.get(r.source_line);
    if (!a) byLine.set(r.source_line, (a = []));
    a.push({ span, record: i });
  });
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    let body = "";
    const spans = byLine.get(i + 1);
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
    yield `${i ? "\n" : ""}<div class="l" id="L${i + 1}"><span class="n">${i + 1}</span><span class="x">${body}</span></div>`;
  }
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

/**
 * The page, in pieces (src/emit/review/html.ts `page`), made as they are read:
 * a line of source text or a record at a time, so the page of an input of 10⁵
 * long-quoted records is written without being held (it is several times the
 * size of the records). It reads `input` when read, so nothing may change it before.
 */
export function* reviewPage(input: ReviewInput): Generator<string> {
  const recs: Rec[] = [];
  for (const t of input.types) for (const r of input.records[t] ?? []) recs.push({ type: t, ...r } as unknown as Rec);
  // the list follows the text: by line, then type (stable: each type keeps its output order)
  recs.sort((a, b) => a.source_line - b.source_line);
  const labels = Object.fromEntries(input.types.map((t) => [t, labelField(t)]));
  const head = `<header><a href="index.html">← all inputs</a><h1>${esc(input.file)}</h1><span>${recs.length} records · ${input.lines.length} lines · policy-extract ${esc(input.version)}</span></header>
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
  yield* page({ title: `${input.file} · policy-extract review`, style: STYLE, script: SCRIPT, body: bodyOf(head, input, recs, labels) });
}

function* bodyOf(head: string, input: ReviewInput, recs: readonly Rec[], labels: Record<string, string>): Generator<string> {
  yield head;
  yield* sourceHtml(input.lines, recs);
  yield `
</section>
</main>
<script type="application/json" id="data">`;
  yield* dataJson({ file: input.file, types: input.types, labels }, recs);
  yield "</script>";
}

/**
 * The page's data, `{...head, "records": [...]}`: the bytes of one jsonData
 * call, a record at a time (not one string of them all, and a second, escaped,
 * copy of it).
 */
function* dataJson(head: Record<string, unknown>, recs: readonly Rec[]): Generator<string> {
  const open = jsonData(head);
  yield `${open.slice(0, -1)},"records":[`;
  for (let i = 0; i < recs.length; i++) yield i ? `,${jsonData(recs[i])}` : jsonData(recs[i]);
  yield "]}";
}
