import { describe, expect, it } from "vitest";
import yazl from "yazl";
import { ingestDocx, MAX_XML_BYTES } from "../../src/ingest/docx.js";
import { ingestBytes, InputError } from "../../src/ingest/index.js";
import { lineAt } from "../../src/ingest/source.js";

/** A zip built with yazl from named parts (deflated), as Word writes a .docx. */
async function zip(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, body] of Object.entries(parts)) z.addBuffer(Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"), name, { mtime: new Date(0) });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const docx = (body: string) => zip({
  "[Content_Types].xml": "<Types/>",
  "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
});
const p = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join("")}</w:p>`;
const r = (inner: string) => `<w:r>${inner}</w:r>`;
const t = (s: string) => `<w:t xml:space="preserve">${s}</w:t>`;
const row = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr/>${c}</w:tc>`).join("")}</w:tr>`;

async function reason(bytes: Uint8Array, file = "x.docx"): Promise<string> {
  try {
    await ingestBytes(file, bytes);
  } catch (e) {
    if (e instanceof InputError) return e.reason;
    throw e;
  }
  return "(read)";
}

describe(".docx text: one line per paragraph, one per table row", () => {
  it("paragraphs, runs, tabs, line breaks, tables in document order", async () => {
    const bytes = await docx([
      p(r(t("大连市人民政府关于")), r(t("加快发展养老服务业的实施意见"))),
      p(),
      p(r(t("一、总体要求")), r("<w:tab/>"), r(t("（略）"))),
      p(r(t("到2020年，全面建成")), r("<w:br/>"), r(t("养老服务体系。")), r("<w:cr/>")),
      `<w:tbl><w:tblPr/>${row(p(r(t("指标"))), p(r(t("2025年"))), p(r(t("属性"))))}${row(p(r(t("养老床位"))), p(r(t("3.5")), r("<w:br/>"), r(t("万张"))) + p(r(t("以上"))), p())}</w:tbl>`,
      p(r(t("第二段 &amp; 结尾"))),
    ].join(""));
    const src = await ingestDocx("a.docx", bytes);
    expect(src.format).toBe("docx");
    expect(src.text.split("\n")).toEqual([
      "大连市人民政府关于加快发展养老服务业的实施意见",
      "",
      "一、总体要求\t（略）",
      "到2020年，全面建成",
      "养老服务体系。",
      "",
      "指标\t2025年\t属性",
      "养老床位\t3.5 万张 以上\t",
      "第二段 & 结尾",
    ]);
    // each character maps to its line in that numbering
    expect(lineAt(src, src.text.indexOf("养老服务体系"))).toBe(5);
    expect(lineAt(src, src.text.indexOf("养老床位"))).toBe(8);
  });

  it("skips deleted revisions, the VML fallback copy of a drawing, field codes and symbol-font glyphs", async () => {
    const bytes = await docx([
      p(r(t("保留")), `<w:del w:id="1">${r("<w:delText>删除</w:delText>")}</w:del>`, `<w:ins w:id="2">${r(t("插入"))}</w:ins>`),
      p(r(`<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r(t("文本框")))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r(t("文本框")))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>`), r(t("正文"))),
      p(r('<w:fldChar w:fldCharType="begin"/>'), r("<w:instrText> PAGE </w:instrText>"), r('<w:fldChar w:fldCharType="separate"/>'), r(t("3")), r('<w:sym w:font="Wingdings" w:char="F0FC"/>'), r('<w:sym w:font="SimSun" w:char="2460"/>')),
    ].join(""));
    expect((await ingestDocx("b.docx", bytes)).text.split("\n")).toEqual(["保留插入", "文本框", "正文", "3①"]);
  });
});

describe("hostile .docx: linear in size and depth", () => {
  it("100 000 nested tables (a parser that unshifts its element stack is quadratic here)", async () => {
    const n = 100_000;
    const bytes = await docx(`${"<w:tbl><w:tr><w:tc>".repeat(n)}${p(r(t("最里层")))}${"</w:tc></w:tr></w:tbl>".repeat(n)}`);
    expect((await ingestDocx("deep.docx", bytes)).text).toBe("最里层");
  });
  it("a 10 MB paragraph and 200 000 paragraphs", async () => {
    expect((await ingestDocx("long.docx", await docx(p(r(t("发展".repeat(5_000_000))))))).text.length).toBe(10_000_000);
    const many = await ingestDocx("many.docx", await docx(p(r(t("一、总体要求。"))).repeat(200_000)));
    expect(lineAt(many, many.text.length - 1)).toBe(200_000);
  });
});

describe("bad .docx: one reason each", () => {
  it("not a zip", async () => {
    expect(await reason(Buffer.from("一段纯文本，扩展名却是docx"))).toBe("not a .docx (not a zip archive)");
  });
  it("truncated zip", async () => {
    const bytes = await docx(p(r(t("正文"))));
    expect(await reason(bytes.subarray(0, bytes.length - 30))).toMatch(/^corrupt or truncated \.docx \(/);
  });
  it("OLE compound file: encrypted .docx, or an old .doc", async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(await reason(ole)).toMatch(/^a Word 97-2003 \.doc \(OLE compound file\)/);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1024); // the directory entry Office writes for an encrypted package
    expect(await reason(ole)).toMatch(/^encrypted \.docx \(password-protected\)/);
  });
  it("a zip without word/document.xml (an .xlsx renamed)", async () => {
    const bytes = await zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });
    expect(await reason(bytes)).toBe("not a Word document: the zip has no word/document.xml part");
  });
  it("a document part declaring more than the cap is refused before inflating", async () => {
    const bytes = await docx(p(r(t("正文"))));
    // patch the central directory's uncompressed size of word/document.xml
    const cd = bytes.indexOf(Buffer.from("PK\u0001\u0002word/document.xml".slice(0, 4), "latin1"), bytes.indexOf(Buffer.from("word/document.xml")) + 20);
    let at = cd;
    while (at >= 0 && bytes.toString("latin1", at + 46, at + 46 + 17) !== "word/document.xml") at = bytes.indexOf(Buffer.from("PK\u0001\u0002", "latin1"), at + 4);
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt32LE(MAX_XML_BYTES + 1, at + 24);
    expect(await reason(bytes)).toMatch(/^word\/document\.xml would unpack to \d+ bytes \(limit \d+\): refused as a possible zip bomb$/);
  });
  it("a document part inflating to more than it declares is cut off", async () => {
    const bytes = await docx(p(r(t("正文".repeat(5000)))));
    let at = bytes.indexOf(Buffer.from("PK\u0001\u0002", "latin1"));
    while (bytes.toString("latin1", at + 46, at + 46 + 17) !== "word/document.xml") at = bytes.indexOf(Buffer.from("PK\u0001\u0002", "latin1"), at + 4);
    bytes.writeUInt32LE(1000, at + 24); // a bomb lies about its size
    expect(await reason(bytes)).toMatch(/^corrupt or truncated \.docx \(too many bytes in the stream/);
  });
  it("malformed XML in the document part", async () => {
    const bytes = await zip({ "word/document.xml": `<w:document ${W}><w:body><w:p><w:r><w:t>正文</w:r></w:p></w:body></w:document>` });
    expect(await reason(bytes)).toMatch(/^corrupt or truncated \.docx \(1:\d+: unexpected close tag/);
  });
  it("a Word file with no text", async () => {
    expect(await reason(await docx(p() + p(r(t("  ")))))).toBe("Word document has no text");
  });
  it("an extension no reader handles", async () => {
    expect(await reason(Buffer.from("x"), "notes.odt")).toBe("unsupported file type '.odt' (use .txt, .html, .htm, .pdf, .docx)");
  });
});
