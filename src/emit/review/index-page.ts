import type { RecordType } from "../../generated/records.js";
import { STYLE } from "./assets.js";
import { esc, page } from "./html.js";
import type { Tally } from "../tally.js";
import { reviewPageName } from "./page.js";

/**
 * review/index.html: every input and each document in it, with its records per
 * type as numbers and as a small stacked bar, linking to the input's page
 * (filtered to the document). No script: a static page.
 */
export interface IndexData {
  version: string;
  types: readonly RecordType[];
  /** records counted per input and per document */
  tally: Tally;
  inputs: ReadonlyArray<{ name: string }>;
  failures: ReadonlyArray<{ file: string; reason: string }>;
  /** inputs that have a review page */
  pages: ReadonlySet<string>;
}

const BAR_WIDTH = 240;

function bar(counts: readonly number[], types: readonly RecordType[], max: number): string {
  let x = 0;
  const rects: string[] = [];
  counts.forEach((n, i) => {
    if (!n) return;
    const w = Math.max(1, Math.round((n / max) * BAR_WIDTH * 10) / 10);
    rects.push(`<rect class="b-${types[i]}" x="${Math.round(x * 10) / 10}" y="0" width="${w}" height="14"><title>${types[i]} ${n}</title></rect>`);
    x += w;
  });
  const label = counts.map((n, i) => `${types[i]} ${n}`).join(", ");
  return `<svg width="${BAR_WIDTH + 2}" height="14" role="img" aria-label="${esc(label)}">${rects.join("")}</svg>`;
}

interface Row { input: string; doc: string | null; counts: number[] }

export function reviewIndex(d: IndexData): Iterable<string> {
  // counts per input and per document (doc_title) inside it, documents in the order they start
  const rows: Row[] = [];
  for (const i of d.inputs) {
    rows.push({ input: i.name, doc: null, counts: d.tally.countsOf(i.name) });
    for (const [doc, counts] of d.tally.docsOf(i.name)) rows.push({ input: i.name, doc, counts });
  }
  const max = rows.reduce((m, r) => Math.max(m, r.counts.reduce((a, b) => a + b, 0)), 1);
  const head = `<tr><th>input / document</th>${d.types.map((t) => `<th class="k-${t}">${t}</th>`).join("")}<th>records</th></tr>`;
  const body = rows.map((r) => {
    const href = d.pages.has(r.input) ? `${encodeURI(reviewPageName(r.input).slice("review/".length))}${r.doc === null ? "" : `#doc=${encodeURIComponent(r.doc)}`}` : null;
    const name = r.doc === null ? r.input : r.doc;
    const link = href ? `<a href="${esc(href)}">${esc(name)}</a>` : esc(name);
    const cls = r.doc === null ? ` class="input"` : "";
    return `<tr${cls}><td>${r.doc === null ? link : `&nbsp;&nbsp;${link}`}</td>${r.counts.map((n) => `<td class="num">${n}</td>`).join("")}<td>${bar(r.counts, d.types, max)}</td></tr>`;
  }).join("\n");
  const failures = d.failures.length
    ? `<h2 class="note">Inputs that failed</h2><ul>${d.failures.map((f) => `<li>${esc(f.file)}: ${esc(f.reason)}</li>`).join("")}</ul>`
    : "";
  const total = d.types.map((t) => `${t} ${d.tally.totalOf(t)}`).join(", ");
  const html = `<header><h1>policy-extract review</h1><span>${d.inputs.length} input(s) · ${esc(total)} · policy-extract ${esc(d.version)}</span></header>
<p class="note">Each input's page shows its records beside its source text: click a record to see its quote highlighted on its line. A document's link opens the page filtered to it.</p>
<p class="note legend">${d.types.map((t) => `<span class="k-${t}">■ ${t}</span>`).join("")}</p>
<table>
${head}
${body}
</table>
${failures}`;
  return page({ title: "policy-extract review", style: STYLE, body: html });
}
