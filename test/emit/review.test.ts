import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { esc, jsonData } from "../../src/emit/review/html.js";
import { QuoteLocator, segments, sourceLines, type Span } from "../../src/emit/review/lines.js";
import { labelField, reviewPage, reviewPageName } from "../../src/emit/review/page.js";
import { normalize } from "../../src/ingest/normalize.js";
import { sourceFromLines } from "../../src/ingest/source.js";
import { extractSource } from "../../src/pipeline/extract-input.js";
import { SEED, seedRecords, seedText } from "../helpers.js";

describe("review pages: source lines and quote spans", () => {
  it("one entry per original line, the text the extractors read (full-width digits folded)", () => {
    const src = normalize(sourceFromLines("a.txt", "txt", "第一行\n\n到２０２５年，  粮食产量达到\t400亿斤。\n"));
    expect(sourceLines(src)).toEqual(["第一行", "", "到2025年， 粮食产量达到\t400亿斤。"]);
  });

  it("each seed's lines are its runs' text put back on their original lines, in order, line breaks dropped", () => {
    for (const name of Object.values(SEED)) {
      const src = normalize(sourceFromLines(name, "txt", seedText(name)));
      const { map, text } = src;
      const want: string[] = [];
      for (let k = 0; k < map.runs; k++) {
        const l = map.lineOf[k]! - 1;
        for (let i = want.length; i <= l; i++) want.push("");
        want[l] += text.slice(map.starts[k]!, map.end(k)).replace(/\n/g, "");
      }
      expect(sourceLines(src)).toEqual(want);
    }
  });

  it("a quote is found on its line: as written, across a table row's tabs, or in part when it runs over lines", () => {
    const loc = new QuoteLocator(1e6);
    const q = "到2025年粮食产量达到400亿斤。";
    expect(loc.locate(1, `前文。${q}后文`, q)).toEqual([3, 3 + q.length]);
    const row = "\t2.全员劳动生产率增长 (%)\t5.4*\t—\t高于GDP增长\t预期性";
    const span = loc.locate(2, row, "2.全员劳动生产率增长 (%) 5.4* — 高于GDP增长 预期性")!;
    expect(row.slice(span[0], span[1])).toBe(row.slice(1));
    const head = "实施双控制度。推进国家碳";
    expect(loc.locate(3, head, "推进国家碳计量中心（内蒙古）建设。")).toEqual([7, head.length]);
    expect(loc.locate(4, "计量中心（内蒙古）建设。下一句", "推进国家碳计量中心（内蒙古）建设。")).toEqual([0, 12]);
    expect(loc.locate(5, "完全无关的一行", "推进国家碳计量中心（内蒙古）建设。")).toBeNull();
  });

  it("on lines with no whitespace to fold (most Chinese lines, single spaces included) a quote is found where it stands, as on a line that needs folding", () => {
    const loc = new QuoteLocator(1e9);
    let found = 0;
    for (const name of Object.values(SEED)) {
      const lines = sourceLines(normalize(sourceFromLines(name, "txt", seedText(name))));
      for (const recs of Object.values(seedRecords(name))) {
        for (const r of recs as Array<{ source_line: number; quote: string }>) {
          const line = lines[r.source_line - 1]!;
          const q = r.quote.replace(/\s+/g, " ").trim();
          if (/[^\S ]|\s\s/.test(line) || !line.includes(q)) continue;
          expect(loc.locate(r.source_line, line, r.quote)).toEqual([line.indexOf(q), line.indexOf(q) + q.length]);
          // the same line with a run of spaces before the quote: folded, the span moves with the quote
          const wide = `\u3000 ${line}`;
          expect(new QuoteLocator(1e9).locate(r.source_line, wide, r.quote)).toEqual([wide.indexOf(q), wide.indexOf(q) + q.length]);
          found++;
        }
      }
    }
    expect(found).toBeGreaterThan(500);
    // a quote that runs on below a line with a single space: the line's tail from the quote's head
    expect(loc.locate(9, "到2025年， 粮食产量达到", "粮食产量达到400亿斤。")).toEqual([8, 14]);
  });

  it("past its budget (thousands of quotes on a 1 MB line) a record's whole line is its highlight", () => {
    const line = "甲".repeat(1_000_000);
    const loc = new QuoteLocator(5_000_000);
    const spans = Array.from({ length: 2000 }, (_, i) => loc.locate(1, line, `乙${i}`));
    expect(spans[0]).toBeNull(); // searched, not there
    expect(spans.at(-1)).toEqual([0, line.length]); // budget spent: not searched
  });

  it("overlapping highlights split into pieces that list every record covering them", () => {
    expect(segments([{ span: [0, 10], record: 0 }, { span: [0, 10], record: 1 }, { span: [5, 15], record: 2 }])).toEqual([
      { start: 0, end: 5, records: [0, 1] },
      { start: 5, end: 10, records: [0, 1, 2] },
      { start: 10, end: 15, records: [2] },
    ]);
    // one record's quote on its line: one piece; an empty span, none
    expect(segments([{ span: [3, 12], record: 7 }])).toEqual([{ start: 3, end: 12, records: [7] }]);
    expect(segments([{ span: [4, 4], record: 7 }])).toEqual([]);
  });

  it("records that share one span (one quote, located once) are one piece listing them all, as spans of equal bounds are", () => {
    const name = SEED.annual;
    const src = normalize(sourceFromLines(name, "txt", seedText(name)));
    const lines = sourceLines(src);
    const loc = new QuoteLocator(1e9);
    let shared = 0;
    for (const recs of Object.values(seedRecords(name))) {
      const byLine = new Map<number, Array<{ span: Span; record: number }>>();
      (recs as Array<{ source_line: number; quote: string }>).forEach((r, record) => {
        const span = loc.locate(r.source_line, lines[r.source_line - 1]!, r.quote);
        if (span) byLine.set(r.source_line, [...(byLine.get(r.source_line) ?? []), { span, record }]);
      });
      for (const spans of byLine.values()) {
        if (spans.length > 1 && spans.every((s) => s.span === spans[0]!.span)) shared++;
        // the same bounds in spans of their own take the general way
        expect(segments(spans)).toEqual(segments(spans.map(({ span, record }) => ({ span: [span[0], span[1]] as const, record }))));
      }
    }
    expect(shared).toBeGreaterThan(10);
    expect(segments([{ span: [4, 4], record: 1 }, { span: [4, 4], record: 2 }].map((s, _, a) => ({ ...s, span: a[0]!.span })))).toEqual([]);
  });
});

describe("review page HTML", () => {
  const lines = ["<script>alert(1)</script>", "\"onmouseover=\"x\" </textarea>", "到2025年，粮食产量</script><!--达到400亿斤。"];
  const rec = { id: "tgt_0000000000000001", source_file: "h.txt", source_line: 3, quote: "到2025年，粮食产量</script><!--达到400亿斤。", indicator: "</script><script>alert(2)</script>" };
  const html = Array.from(reviewPage({ file: "h<b>.txt", types: ["targets"], records: { targets: [rec] }, lines, version: "1" })).join("");

  it("the seeds' records (nearly all with a \">\" between the parts of their section) embed as their JSON with <, >, & and the line separators as \\u escapes", () => {
    let marked = 0;
    for (const name of Object.values(SEED)) {
      for (const recs of Object.values(seedRecords(name))) {
        for (const r of recs as Array<Record<string, unknown>>) {
          const json = JSON.stringify(r);
          if (/[<>&]/.test(json)) marked++;
          expect(jsonData(r)).toBe(json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
        }
      }
    }
    expect(marked).toBeGreaterThan(900);
  });

  it("every piece of input text is escaped; the data block cannot be closed by a quote", () => {
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;onmouseover=&quot;x&quot; &lt;/textarea&gt;");
    expect(html).not.toContain("<b>");
    expect(html).not.toMatch(/<!--/);
    const data = /<script type="application\/json" id="data">([^<]*)<\/script>/.exec(html)!;
    expect(JSON.parse(data[1]!).records[0].indicator).toBe(rec.indicator);
    expect(esc(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
    expect(jsonData("</script>\u2028")).toBe(`"\\u003c/script\\u003e\\u2028"`);
  });

  it("the escapers agree with the regular expressions they replace, on any mix of Chinese text and unsafe characters", () => {
    const unit = fc.constantFrom("推", "进", "&", "<", ">", "\"", "'", "\u2028", "\u2029", "a", "\n", "𠀋");
    fc.assert(fc.property(fc.string({ unit }), (s) => {
      expect(esc(s)).toBe(s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]!));
      expect(jsonData({ s })).toBe(JSON.stringify({ s }).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
    }), { numRuns: 2000 });
  });

  it("the Content-Security-Policy forbids the network and allows exactly the page's own script and style", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("connect-src 'none'");
    const script = /<script>([\s\S]*)<\/script>\n<\/body>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
  });

  it("the quote is marked on its line, pointing to its record", () => {
    expect(html).toContain(`<div class="l" id="L3"><span class="n">3</span><span class="x"><mark tabindex="0" role="button" data-r="0">到2025年，粮食产量&lt;/script&gt;&lt;!--达到400亿斤。</mark></span></div>`);
  });

  it("page names: the input name where it is safe, else a safe name made unique by a hash", () => {
    expect(reviewPageName(SEED.annual)).toBe(`review/${SEED.annual}.html`);
    expect(reviewPageName("政策 文件.txt")).toMatch(/^review\/政策_文件\.txt-[0-9a-f]{8}\.html$/);
    expect(reviewPageName("a b.txt")).not.toBe(reviewPageName("a_b.txt"));
    expect(reviewPageName("../x.txt")).toMatch(/^review\/\.\._x\.txt-[0-9a-f]{8}\.html$/);
  });

  it("a page given the text its lines were taken from is the same page: its lines searched for what to escape, or not", () => {
    for (const [name, text] of [[SEED.annual, seedText(SEED.annual)], ["h.txt", "政策<b>汇编</b>\n到2025年，A&B \"达到\" 400亿斤。\n"]] as const) {
      const src = normalize(sourceFromLines(name, "txt", text));
      const { records } = extractSource(src);
      const page = (withText: boolean) => Array.from(reviewPage({ file: name, types: Object.keys(records) as never, records: records as never, lines: sourceLines(src), ...(withText ? { text: src.text } : {}), version: "1" })).join("");
      expect(page(true)).toBe(page(false));
    }
  });

  it("a seed's page marks every record's quote", () => {
    const name = SEED.annual;
    const recs = seedRecords(name);
    const src = normalize(sourceFromLines(name, "txt", seedText(name)));
    const page = Array.from(reviewPage({ file: name, types: ["targets", "railways"], records: recs as never, lines: sourceLines(src), version: "1" })).join("");
    const marked = new Set([...page.matchAll(/data-r="([^"]*)"/g)].flatMap((m) => m[1]!.split(" ").map(Number)));
    expect(marked.size).toBe(recs.targets.length + recs.railways.length);
  });

  it("a page of 10⁴ records is made a few lines or records at a time: no piece holds them all, and the pieces are one jsonData of them", () => {
    // the hostile case of the bench: one sentence of many amounts, each a subsidy quoting its clause
    const name = "money.txt";
    const src = normalize(sourceFromLines(name, "txt", `对${"100万元、".repeat(10_000)}企业给予一次性奖励。`));
    const { records } = extractSource(src, ["subsidies"]);
    expect(records.subsidies.length).toBe(10_000);
    const pieces = Array.from(reviewPage({ file: name, types: ["subsidies"], records: records as never, lines: sourceLines(src), version: "1" }));
    const longest = pieces.reduce((n, p) => Math.max(n, p.length), 0);
    const data = /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(pieces.join(""))![1]!;
    // the longest piece is the source line with its 10⁴ marks, not the records' JSON
    expect(longest).toBeLessThan(data.length / 4);
    expect(pieces.find((p) => p.length === longest)).toMatch(/^\n?<div class="l" id="L1">/);
    const recs = [...records.subsidies].sort((a, b) => a.source_line - b.source_line).map((r) => ({ type: "subsidies", ...r }));
    expect(data).toBe(jsonData({ file: name, types: ["subsidies"], labels: { subsidies: "beneficiary" }, records: recs }));
  });

  it("a seed's records go into the page's data a run of one type at a time, as each one's jsonData; records with a \"type\" or not first an id go one by one, the same", () => {
    const name = SEED.fyp;
    const src = normalize(sourceFromLines(name, "txt", seedText(name)));
    const { records } = extractSource(src);
    const types = Object.keys(records) as Array<keyof typeof records>;
    const listedData = (recs: Record<string, Array<Record<string, unknown>>>) => {
      const page = Array.from(reviewPage({ file: name, types, records: recs as never, lines: sourceLines(src), version: "1" })).join("");
      return /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(page)![1]!;
    };
    const expected = (recs: Record<string, Array<Record<string, unknown>>>) => {
      const all = types.flatMap((t) => recs[t]!.map((r) => ({ type: t, ...r })));
      const labels = Object.fromEntries(types.map((t) => [t, labelField(t)]));
      return jsonData({ file: name, types, labels, records: all.sort((a, b) => (a.source_line as number) - (b.source_line as number)) });
    };
    const recs = records as unknown as Record<string, Array<Record<string, unknown>>>;
    expect(Object.values(recs).reduce((n, r) => n + r.length, 0)).toBeGreaterThan(20);
    expect(listedData(recs)).toBe(expected(recs));
    // a record holding a "type" of its own, and one whose first key is not its id, in the middle of runs
    const odd = Object.fromEntries(Object.entries(recs).map(([t, rs]) => [t, rs.map((r, i) => (i === 1 ? { ...r, type: "x" } : i === 2 ? { quote: r.quote, ...r } : r))]));
    expect(listedData(odd)).toBe(expected(odd));
  });
});
