import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import fc from "fast-check";
import { htmlToText, tidyText } from "../../src/ingest/html.js";
import { ingestBytes, InputError } from "../../src/ingest/index.js";
import { ROOT } from "../helpers.js";
import { flatText, quoteAtLine } from "../e2e/provenance.js";

const FIX = join(ROOT, "test", "fixtures");
const page = readFileSync(join(FIX, "004_notice.html"));

describe("HTML ingest: a provincial-government article page (fixtures/004_notice.html)", async () => {
  const text = await htmlToText(page.toString("utf8"));
  const lines = text.split("\n");
  const { records } = extractSource(await ingestBytes("004_notice.html", page));

  it("takes the article body: no navigation, header, metadata table, footer, script or style text", async () => {
    for (const chrome of ["首页", "政务服务", "当前位置", "索引号", "分享到", "打印本页", "相关文件", "蒙ICP备", "_hmt", "text-indent", "hover", "请输入关键字"]) {
      expect(text, chrome).not.toContain(chrome);
    }
    expect(text).toContain("完成治沙 2000 万亩以上");
  });

  it("<br> inside the notice head becomes line breaks, as in the printed notice", async () => {
    expect(lines.slice(0, 3)).toEqual(["内蒙古自治区人民政府", "关于下达 2025 年自治区国民经济和", "社会发展计划的通知"]);
  });

  it("yields the notice as one document record with title, 文号, date and plan year", async () => {
    expect(records.documents).toHaveLength(1);
    const d = records.documents[0]!;
    expect([d.title, d.doc_number, d.issuer, d.date, d.policy_level, d.plan_year]).toEqual([
      "内蒙古自治区人民政府关于下达2025年自治区国民经济和社会发展计划的通知", "内政发〔2025〕1号", "内蒙古自治区人民政府", "2025-02-05", "region", 2025,
    ]);
    expect(d.source_page).toBeNull(); // pages are a PDF notion
  });

  it("source_line is the line of the extracted text where the record's quote stands", async () => {
    const printed = flatText(text);
    for (const t of Object.values(records)) {
      for (const r of t as Array<{ source_line: number; quote: string }>) {
        expect(quoteAtLine(printed, r.quote, r.source_line), `${r.source_line}: ${r.quote}`).toBe(true);
      }
    }
    expect(records.documents[0]!.source_line).toBe(1);
    expect(lines[records.documents[0]!.line_end - 1]).toMatch(/^\(一\) 坚决筑牢/);
  });

  it("the same page served as GB2312 (fixtures/004_notice.gb2312.html) gives identical records", async () => {
    const gb = readFileSync(join(FIX, "004_notice.gb2312.html"));
    expect(gb.includes(Buffer.from("内蒙古"))).toBe(false); // not UTF-8
    expect(extractSource(await ingestBytes("004_notice.html", gb)).records).toEqual(records);
  });
});

describe("HTML decoding", () => {
  const body = "<p>内政发〔2025〕1号</p><p>各盟行政公署、市人民政府：</p>";
  it("a page labelled gb2312 whose bytes are UTF-8 (re-encoded, label left behind) is read as UTF-8", async () => {
    const html = `<html><head><meta charset="gb2312"></head><body>${body}</body></html>`;
    expect((await ingestBytes("x.html", Buffer.from(html))).text).toContain("内政发〔2025〕1号");
  });
  it("a UTF-16 page with a BOM is read; a broken one (odd byte count) is an input error", async () => {
    const html = `<html><body><p>内政发〔2025〕1号</p></body></html>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, "utf16le")]);
    expect((await ingestBytes("u.html", le)).text).toBe("内政发〔2025〕1号");
    await expect(ingestBytes("u.html", Buffer.concat([le, Buffer.from([0x41])]))).rejects.toThrow("u.html: not valid text in UTF-8, UTF-16 or GB18030");
  });

  it("a Big5 page is read with its declared charset", async () => {
    // 內政 in Big5: A4BA AC46
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="big5"></head><body><p>'), Buffer.from([0xa4, 0xba, 0xac, 0x46]), Buffer.from("</p></body></html>")]);
    expect((await ingestBytes("x.html", bytes)).text).toBe("內政");
  });
});

describe("htmlToText", () => {
  it("table rows become tab-separated cells, one row per line", async () => {
    const html = `<div id="zoom"><p>专栏1 主要指标</p><table><tr><th>指标</th><th>2025年</th><th>属性</th></tr>
      <tr><td>地区生产总值增长（%）</td><td>6左右</td><td>预期性</td></tr></table></div>`;
    expect(await htmlToText(html)).toBe("专栏1 主要指标\n\n指标\t2025年\t属性\n地区生产总值增长（%）\t6左右\t预期性");
  });

  it("paragraphs and <br> inside a cell stay in the cell, so a row stays one line", async () => {
    const html = `<table><tr><td><p>呼和浩特至</p><p>鄂尔多斯</p></td><td>新建<br>2026年开工</td></tr><tr><td>G1816</td><td>续建</td></tr></table>`;
    expect(await htmlToText(html)).toBe("呼和浩特至 鄂尔多斯\t新建 2026年开工\nG1816\t续建");
  });

  it("<pre> keeps its own line breaks; hidden elements are not text", async () => {
    const html = `<div class="article"><pre>内政发〔2025〕1号\r\n\r\n各盟行政公署：\n  现予下达。</pre>
      <div style="display: none">隐藏的打印版</div><span hidden>隐藏</span><div aria-hidden="true">图标</div></div>`;
    expect(await htmlToText(html)).toBe("内政发〔2025〕1号\n\n各盟行政公署：\n现予下达。");
  });

  it("when the article body leaves the title to a heading above it, the title becomes the first line", async () => {
    const html = `<html><head><title>关于印发某某实施方案的通知_政策文件_某某市人民政府</title></head><body>
      <nav><a href="/">首页</a></nav><h1>某某市人民政府办公室关于印发某某实施方案的通知</h1>
      <div class="TRS_Editor"><p>各旗县区人民政府：</p><p>现将《某某实施方案》印发给你们，请认真贯彻落实。</p><p>2024年3月1日</p></div></body></html>`;
    const lines = (await htmlToText(html)).split("\n").filter(Boolean);
    expect(lines[0]).toBe("某某市人民政府办公室关于印发某某实施方案的通知");
    expect(lines[1]).toBe("各旗县区人民政府：");
  });

  it("the title is not repeated when the body prints it", async () => {
    const t = await htmlToText(page.toString("utf8"));
    expect(t.split("\n")[0]).toBe("内蒙古自治区人民政府");
  });

  it("a page of 200 000 nested, never-closed <div>s gives its text, in linear time (no DOM, no walk down the stack)", async () => {
    const html = `<html><body>${"<div>".repeat(200_000)}深层正文第一段<p>第二段`;
    const t0 = Date.now();
    expect(await htmlToText(html)).toBe("深层正文第一段\n第二段");
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("malformed markup is read as a browser shows it: implied ends of <li>, <p> and cells, text foster-parented out of a table", async () => {
    expect(await htmlToText(`<div id="zoom"><table><tr><td>单元格</td></tr>表格外的说明</table><p>正文</p></div>`)).toBe("表格外的说明\n单元格\n\n正文");
    expect(await htmlToText(`<body><ul><li>第一项<li>第二项<div>附注<li>第三项</ul><p>段一<p>段二<h2>标题</h3>正文</body>`))
      .toBe("第一项\n第二项\n附注\n\n第三项\n\n段一\n\n段二\n\n标题\n正文");
    expect(await htmlToText(`<body><table><td>甲<td>乙<tr><td>丙</table></body>`)).toBe("甲\t乙\n丙");
  });

  it("a page with only a title, scripts and navigation has no text", async () => {
    const html = `<html><head><title>404 页面不存在</title><script>var a = "正文";</script><style>p{}</style></head>
      <body><nav><a href="/">首页</a></nav><script>track("正文")</script><noscript>请启用脚本</noscript></body></html>`;
    expect(await htmlToText(html)).toBe("");
    await expect(ingestBytes("gone.html", Buffer.from(html))).rejects.toThrow(InputError);
    await expect(ingestBytes("gone.html", Buffer.from(html))).rejects.toThrow("gone.html: HTML page has no text");
  });
});

describe("tidyText, line by line", () => {
  // the whole-text chain it replaced (each step a copy of the page's text)
  const chained = (text: string) => text
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((l) => l.replace(/ +/g, " ").split("\t").map((c) => c.trim()).join("\t").replace(/(?<!\t)\t+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  it("gives what the chain of whole-text steps gave, on any mix of spaces, tabs, blank lines and text", () => {
    const ch = fc.constantFrom("a", "中", " ", "  ", "\t", "\n", "\n\n\n", "\u00a0", "\u3000", "\r");
    fc.assert(fc.property(fc.array(ch, { maxLength: 40 }).map((a) => a.join("")), (t) => {
      expect(tidyText(t)).toBe(chained(t));
    }), { numRuns: 3000 });
  });
});
