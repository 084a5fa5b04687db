import { createHash } from "node:crypto";
import type { RecordType } from "../../generated/records.js";
import { readingOrder } from "../fields.js";
import { SCRIPT, STYLE } from "./assets.js";
import { esc, escapes, jsonData, pageShell, scriptSafe } from "./html.js";
import { QuoteLocator, segments, type Span } from "./lines.js";

/**
 * The review page of one input: its records as a filterable, searchable list
 * beside its source text with line numbers; each record's quote is highlighted
 * on its line. The page depends on this input alone, so a merge of shards can
 * take it from the shard unchanged (src/merge/merge.ts).
 */
type Rec = Record<string, unknown> & { id: string; source_line: number; quote: string };

const PLAIN_NAME = /^[A-Za-z0-9._-]*$/;

/** The page's path inside the output directory: review/<input name>.html, odd characters replaced (then a hash of the name keeps it unique). */
export function reviewPageName(input: string): string {
  // a name of ASCII letters, digits and ._- is kept as it is: most are, and they spare the
  // Unicode-class expression its making (a large table, built the first time it runs)
  if (input.length <= 120 && PLAIN_NAME.test(input)) return `review/${input}.html`;
  const safe = input.replace(/[^\p{L}\p{N}._-]/gu, "_").slice(0, 120);
  const suffix = safe === input ? "" : `-${createHash("sha256").update(input).digest("hex").slice(0, 8)}`;
  return `review/${safe}${suffix}.html`;
}

/** The column a list entry is named by: the first content column that is not doc_title or section (title, indicator, name, beneficiary). */
export function labelField(type: RecordType): string {
  return readingOrder(type).find((f) => !f.bookkeeping && f.name !== "doc_title" && f.name !== "section")?.name ?? "quote";
}

/** The records whose quotes stand on one line, each with its quote's span there. */
interface MarkedLine { line: number; spans: Array<{ span: Span; record: number }> }

/**
 * The lines that hold quotes, in line order, each with its records' spans (record
 * i's quote, located on its line): `recs` come in line order (listed), so a line's
 * records come together, and the page's lines are read against this list in order,
 * not looked up one by one.
 */
function markedLines(lines: readonly string[], recs: readonly Rec[]): MarkedLine[] {
  let total = 0;
  for (const l of lines) total += l.length;
  const locator = new QuoteLocator(32 * total + 1_000_000);
  const marked: MarkedLine[] = [];
  let last: MarkedLine | undefined;
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i]!;
    const text = lines[r.source_line - 1];
    if (text === undefined) continue;
    const span = locator.locate(r.source_line, text, r.quote);
    if (!span) continue;
    if (last?.line !== r.source_line) marked.push((last = { line: r.source_line, spans: [] }));
    last.spans.push({ span, record: i });
  }
  return marked;
}

/**
 * A line's element is these around its number (twice) and its text: `LINE_OPEN`
 * (after a line break, but on the first line), number, `LINE_NUMBER`, number,
 * `LINE_TEXT`, text, `LINE_CLOSE`.
 */
const LINE_OPEN = `<div class="l" id="L`, LINE_NUMBER = `"><span class="n">`, LINE_TEXT = `</span><span class="x">`, LINE_CLOSE = `</span></div>`;
/** a line's start after the first: made once, not joined again for every line */
const NEXT_LINE_OPEN = `\n${LINE_OPEN}`;

/** A line's text with the quotes on it marked (escaped, unless `plain`: the page's text holds nothing to escape). */
function markedHtml(text: string, spans: ReadonlyArray<{ span: Span; record: number }>, plain: boolean): string {
  let body = "", at = 0;
  for (const s of segments(spans)) {
    const before = text.slice(at, s.start), quoted = text.slice(s.start, s.end);
    body += `${plain ? before : esc(before)}<mark tabindex="0" role="button" data-r="${s.records.join(" ")}">${plain ? quoted : esc(quoted)}</mark>`;
    at = s.end;
  }
  const rest = text.slice(at);
  return body + (plain ? rest : esc(rest));
}

export interface ReviewInput {
  /** input file base name */
  file: string;
  types: readonly RecordType[];
  /** the records of this input, by type, in output order */
  records: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  /** the source text by line (src/emit/review/lines.ts) */
  lines: readonly string[];
  /**
   * the text the lines were taken from (src/ingest Source.text), when at hand: if it
   * holds nothing `esc` rewrites (nearly every input: Chinese text has no & < > " '),
   * neither does any line, and one search of it spares a search of every line
   */
  text?: string;
  version: string;
}

/** The records of a page in its list's order, each with its type beside it (not a copy of it with its type added). */
interface Listed { recs: Rec[]; types: RecordType[] }

/**
 * The list follows the text: by line, then type (stable: each type keeps its
 * output order). Records are put in order by counting their lines (two passes,
 * no comparisons: a sort calls its comparison function some n·log n times, in
 * JavaScript); a line number that is not a small whole number (none is) sends
 * them through the stable sort by line instead, which gives the same order.
 */
function listed(input: ReviewInput): Listed {
  const recs: Rec[] = [], types: RecordType[] = [];
  let max = 0, counted = true;
  for (const type of input.types) {
    for (const r of (input.records[type] ?? []) as readonly Rec[]) {
      recs.push(r);
      types.push(type);
      const l = r.source_line;
      if (!(Number.isInteger(l) && l >= 0)) counted = false;
      else if (l > max) max = l;
    }
  }
  if (!counted || max > 4 * (recs.length + input.lines.length) + 1024) {
    const order = recs.map((_, i) => i).sort((a, b) => recs[a]!.source_line - recs[b]!.source_line);
    return { recs: order.map((i) => recs[i]!), types: order.map((i) => types[i]!) };
  }
  // at[l]: where the records of line l start in the list
  const at = new Uint32Array(max + 2);
  for (let i = 0; i < recs.length; i++) at[recs[i]!.source_line + 1]!++;
  for (let l = 1; l < at.length; l++) at[l]! += at[l - 1]!;
  const out: Listed = { recs: new Array<Rec>(recs.length), types: new Array<RecordType>(recs.length) };
  for (let i = 0; i < recs.length; i++) {
    const k = at[recs[i]!.source_line]!++;
    out.recs[k] = recs[i]!;
    out.types[k] = types[i]!;
  }
  return out;
}

/**
 * Characters of the pieces a page is handed over in: its source lines, and its
 * records' JSON, a few kB of them at a time. A piece per line or per record made
 * the writer gather (and the generator hand over) thousands of small strings; a
 * line longer than this is a piece of its own.
 */
const PIECE_CHARS = 1 << 15;

/**
 * The page (src/emit/review/html.ts `pageShell` around its body), in pieces made
 * as they are read: a few lines of source text or records at a time, so the page
 * of an input of 10⁵ long-quoted records is written without being held (it is
 * several times the size of the records). One generator: each piece is handed
 * over once, not through a generator per part of the page. It reads `input` when
 * read, so nothing may change it before.
 */
export function* reviewPage(input: ReviewInput): Generator<string> {
  const { recs, types } = listed(input);
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
  const plain = input.text !== undefined && !escapes(input.text);
  const marked = markedLines(lines, recs);
  let piece = "", next = 0;
  // each line written here, not by a function per line: a line without quotes (nine in ten) is its text
  // (escaped, unless plain) between fixed pieces
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!, n = i + 1, m = marked[next];
    let body: string;
    if (m !== undefined && m.line === n) { body = markedHtml(text, m.spans, plain); next++; }
    else body = plain ? text : esc(text);
    piece += (i ? NEXT_LINE_OPEN : LINE_OPEN) + n + LINE_NUMBER + n + LINE_TEXT + body + LINE_CLOSE;
    if (piece.length >= PIECE_CHARS) { yield piece; piece = ""; }
  }
  if (piece) yield piece;
  // the page's data, `{...head, "records": [...]}`: the bytes of one jsonData call, a few records at a time
  // (not one string of them all, and a second, escaped, copy of it); escaped a piece at a time, as the
  // escapes replace single characters
  const open = jsonData({ file: input.file, types: input.types, labels });
  yield `
</section>
</main>
<script type="application/json" id="data">${open.slice(0, -1)},"records":[`;
  const heads = new Map(input.types.map((t) => [t, `{"type":${JSON.stringify(t)}`]));
  piece = "";
  for (let i = 0; i < recs.length;) {
    // the records of a type that follow one another in the list (five on average) go as one run
    const type = types[i]!;
    let end = i + 1;
    while (end < recs.length && end - i < RUN && types[end] === type) end++;
    const json = listedRun(heads.get(type)!, type, recs, i, end);
    piece = i ? `${piece},${json}` : json;
    i = end;
    if (piece.length >= PIECE_CHARS) { yield scriptSafe(piece); piece = ""; }
  }
  if (piece) yield scriptSafe(piece);
  yield "]}</script>";
  yield tail;
}

/** Records of one type listed together at most (a run's JSON is held whole once). */
const RUN = 64;

/** A record's JSON begins with its first key, id (finalize puts it first), as `{"id":`. */
const ID_OPEN = `{"id":`;

/**
 * The records `recs[from, to)`, all of `type`, as listedJson writes each, joined
 * by commas: one JSON.stringify of them all (a call per record was most of the
 * page's data), each one's type put in front of its id. In a JSON text of flat
 * records `{"id":` stands only where a record begins (inside a string its quote
 * is escaped) and `"type":` only as a key: a run where a record does not begin with
 * its id (their number tells) or holds a "type" goes record by record.
 */
function listedRun(head: string, type: RecordType, recs: readonly Rec[], from: number, to: number): string {
  if (to - from > 1) {
    const all = JSON.stringify(recs.slice(from, to));
    if (!all.includes(`"type":`)) {
      const typed = all.replaceAll(ID_OPEN, `${head},"id":`);
      if (typed.length - all.length === (to - from) * head.length) return typed.slice(1, -1);
    }
  }
  let json = listedJson(head, type, recs[from]!);
  for (let i = from + 1; i < to; i++) json = `${json},${listedJson(head, type, recs[i]!)}`;
  return json;
}

/**
 * The JSON of the record with its type first, `{"type": …, ...record}`, without
 * making that object: the record's own JSON with the type (`head`, its JSON
 * `{"type":…`) put in front. A record's keys are its schema's (none is an array
 * index, which an object lists before "type"); one with a "type" of its own
 * takes the slow way.
 */
function listedJson(head: string, type: RecordType, r: Rec): string {
  if (Object.hasOwn(r, "type")) return JSON.stringify({ type, ...r });
  const own = JSON.stringify(r);
  return own === "{}" ? `${head}}` : `${head},${own.slice(1)}`;
}
