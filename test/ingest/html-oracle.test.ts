import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/ingest/html.js";
import { decodeBytes } from "../../src/ingest/decode.js";
import { ROOT } from "../helpers.js";
import { oracleText } from "./html-oracle.js";

/**
 * src/ingest/html.ts keeps its own stack of open elements instead of a DOM; this
 * holds it to the parse5 DOM reading it replaced (html-oracle.ts), on the real
 * pages here and on generated pages shaped like government article pages:
 * navigation around a content container, tables of figures, lists, <pre>, hidden
 * share widgets, scripts, and the end tags such pages leave out (</p>, </li>,
 * </td>, </tr>, <tbody>).
 */

const words = ["推进重点项目建设", "到2025年，全区地区生产总值达到1000亿元", "（一）总体要求", "给予最高30万元奖励", "A&B <x>", "  ", "第一条"];
const leaf = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom("<br>", "<br/>", "&nbsp;", "&amp;", "\n", "\t"),
);

/** a fragment of body content, `depth` levels deep at most */
const content: (depth: number) => fc.Arbitrary<string> = (depth) => depth <= 0
  ? fc.array(leaf, { maxLength: 3 }).map((a) => a.join(""))
  : fc.array(fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom("p", "div", "span", "section", "h1", "h2", "strong", "blockquote", "font"), content(depth - 1), fc.boolean())
      .map(([t, c, close]) => (t === "p" && !close ? `<p>${c}` : `<${t}>${c}</${t}>`)) },
    { weight: 1, arbitrary: fc.tuple(fc.array(content(depth - 1), { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([items, close]) => `<ul>${items.map((i) => `<li>${i}${close ? "</li>" : ""}`).join("")}</ul>`) },
    { weight: 1, arbitrary: fc.tuple(fc.array(fc.array(content(depth - 1), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean())
      .map(([rows, tbody, close]) => {
        const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}${close ? "</td>" : ""}`).join("")}${close ? "</tr>" : ""}`).join("");
        return `<table>${tbody ? `<tbody>${body}</tbody>` : body}</table>`;
      }) },
    { weight: 1, arbitrary: content(depth - 1).map((c) => `<pre>\n${c}\t列2\n</pre>`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(`style="display:none"`, "hidden", `aria-hidden="true"`, `class="share"`), content(depth - 1))
      .map(([a, c]) => `<div ${a}>${c}</div>`) },
    { weight: 1, arbitrary: fc.constantFrom("<script>var a = '<p>不是正文</p>';</script>", "<style>p{}</style>", "<nav>首页 > 政策</nav>", "<!-- 注释 -->") },
  ), { maxLength: 4 }).map((a) => a.join(""));

const page = fc.tuple(fc.option(fc.constantFrom("关于促进经济发展的若干意见_政策文件_人民政府网", "通知")), content(1), fc.option(fc.tuple(fc.constantFrom(`id="zoom"`, `class="TRS_Editor"`, `class="article"`, `id="content"`), content(3))), content(1))
  .map(([title, before, main, after]) => `<!DOCTYPE html><html><head>${title ? `<title>${title}</title>` : ""}<meta charset="utf-8"></head><body>${before}${main ? `<div ${main[0]}>${main[1]}</div>` : ""}${after}</body></html>`);

describe("HTML ingest without a DOM reads what the parse5 DOM reading read", () => {
  it("on the HTML pages of the repository", async () => {
    for (const f of ["004_notice.html", "004_notice.gb2312.html"]) {
      const html = decodeBytes(readFileSync(join(ROOT, "test", "fixtures", f))).text;
      expect(await htmlToText(html), f).toBe(await oracleText(html));
    }
  });

  it("on generated article pages", async () => {
    await fc.assert(fc.asyncProperty(page, async (html) => {
      expect(await htmlToText(html)).toBe(await oracleText(html));
    }), { numRuns: 1500 });
  });

  // the text is gathered in runs joined every 1024 pieces (src/ingest/html.ts Pieces):
  // long runs on either side of tables, foster-parented text, cells of many pieces
  it("on long pages: thousands of spans around tables with foster-parented text", async () => {
    const spans = (n: number, w: string) => Array.from({ length: n }, (_, i) => `<span>${w}${i}</span>${i % 97 === 0 ? "<br>" : ""}`).join("");
    const long = fc.tuple(fc.integer({ min: 1000, max: 2600 }), fc.integer({ min: 0, max: 2100 }), fc.integer({ min: 0, max: 1500 }), fc.constantFrom(...words), fc.boolean())
      .map(([before, inCell, after, w, foster]) => `<html><body><p>${spans(before, w)}</p><table>${foster ? spans(inCell >> 1, "表外") : ""}<tr><td>${spans(inCell, w)}<td>末</tr></table>${spans(after, w)}</body></html>`);
    await fc.assert(fc.asyncProperty(long, async (html) => {
      expect(await htmlToText(html)).toBe(await oracleText(html));
    }), { numRuns: 12 });
  });
});
