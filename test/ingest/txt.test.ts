import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { ingestBytes } from "../../src/ingest/index.js";
import { normalize } from "../../src/ingest/normalize.js";
import { editLinesByPieces, lineAt, sourceFromLines, type Source } from "../../src/ingest/source.js";
import { readTxt } from "../../src/ingest/txt.js";
import { ROOT, SEED, seedText } from "../helpers.js";

/**
 * The .txt ingest path: whatever the encoding or line-break convention, the
 * same text gives the same records, with the same original line numbers.
 */
const FIX = join(ROOT, "test", "fixtures");
const NAME = "004_head.txt"; // one name for every variant: ids hash the file name
const head = seedText(SEED.annual).split("\n").slice(0, 80).join("\n") + "\n"; // as make-fixtures.mjs cuts it

const recordsOf = async (bytes: Uint8Array) => extractSource(await ingestBytes(NAME, bytes)).records;
const utf16 = (s: string, be = false) => {
  const b = Buffer.from(s, "utf16le");
  if (be) for (let i = 0; i + 1 < b.length; i += 2) { const t = b[i]!; b[i] = b[i + 1]!; b[i + 1] = t; }
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]);
};

describe("txt ingest: encodings and line breaks give the same records", async () => {
  const reference = await recordsOf(Buffer.from(head));

  it("the UTF-8 head of 004 yields the notice as its document, with its 文号, at line 3", () => {
    expect(reference.documents).toHaveLength(1);
    const d = reference.documents[0]!;
    expect([d.title, d.doc_number, d.date, d.source_line, d.source_page]).toEqual([
      "内蒙古自治区人民政府关于下达2025年自治区国民经济和社会发展计划的通知", "内政发〔2025〕1号", "2025-02-05", 3, null,
    ]);
  });

  it("the committed GB18030 copy (fixtures/004_head.gb18030.txt) gives identical records", async () => {
    const gb = readFileSync(join(FIX, "004_head.gb18030.txt"));
    expect(Buffer.from(head).equals(gb)).toBe(false); // really another encoding
    expect((await ingestBytes(NAME, gb)).text).toBe((await ingestBytes(NAME, Buffer.from(head))).text);
    expect(await recordsOf(gb)).toEqual(reference);
  });

  it("UTF-16 LE and BE with BOM, and UTF-8 with BOM, give identical records", async () => {
    expect(await recordsOf(utf16(head))).toEqual(reference);
    expect(await recordsOf(utf16(head, true))).toEqual(reference);
    expect(await recordsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(head)]))).toEqual(reference);
  });

  it("CRLF and old-Mac CR line breaks keep every line number", async () => {
    expect(await recordsOf(Buffer.from(head.replace(/\n/g, "\r\n")))).toEqual(reference);
    expect(await recordsOf(Buffer.from(head.replace(/\n/g, "\r")))).toEqual(reference);
  });

  it("a CRLF copy maps every character of the text to the same original line as the LF copy", async () => {
    const lf = await ingestBytes(NAME, Buffer.from(head));
    const crlf = await ingestBytes(NAME, Buffer.from(head.replace(/\n/g, "\r\n")));
    expect(crlf.text).toBe(lf.text);
    const lines = (s: Source) => Array.from({ length: s.text.length + 1 }, (_, i) => lineAt(s, i));
    expect(lines(crlf)).toEqual(lines(lf));
  });
});

describe("a text file decoded in pieces of whole lines reads as one decoded at once", () => {
  // 001 and 003 (≈ 0.5 MB: many 32 KiB pieces), in every encoding and line-break convention a file comes in
  const text = seedText(SEED.fyp) + seedText(SEED.compilation);
  const gb = readFileSync(join(FIX, "004_head.gb18030.txt"));
  // damaged UTF-8: a lead byte in place of the byte before some line feeds, one of them near every 32 KiB
  const damaged = Buffer.from(text);
  for (let at = 32 * 1024 - 40; at < damaged.length; at += 32 * 1024) damaged[damaged.indexOf(0x0a, at) - 1] = 0xe4;
  const cases: Array<[string, Buffer, string]> = [
    ["UTF-8", Buffer.from(text), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "utf-8"],
    ["CRLF", Buffer.from(text.replace(/\n/g, "\r\n")), "utf-8"],
    ["CR alone", Buffer.from(text.replace(/\n/g, "\r")), "utf-8"],
    ["damaged UTF-8", damaged, "utf-8"],
    ["GB18030 (004's head 40 times)", Buffer.concat(Array.from({ length: 40 }, () => gb)), "gb18030"],
    ["UTF-16LE", utf16(text), "utf-16le"],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(name, async () => {
      const start = encoding === "utf-16le" ? 2 : 0;
      const once = new TextDecoder(encoding).decode(bytes.subarray(start)).replace(/\r\n?/g, "\n");
      // the pieces as read, joined with nothing changed
      const read = readTxt(NAME, bytes);
      const src = editLinesByPieces(read.file, read.format, read.texts, 1, (piece) => piece, () => []);
      expect(src.text).toBe(once);
      const lines = once.split("\n");
      for (let k = 0, at = 0; k < lines.length; at += lines[k]!.length + 1, k++) if (lines[k]) expect(lineAt(src, at)).toBe(k + 1);
      const replaced = once.split("\ufffd").length - 1;
      expect(read.warnings ?? []).toEqual(replaced ? [`${replaced} invalid UTF-8 byte sequence(s) replaced by U+FFFD`] : []);
      const built = await ingestBytes(NAME, bytes);
      const whole = normalize(sourceFromLines(NAME, "txt", once));
      expect(built.text).toBe(whole.text);
      expect(Array.from(built.map.starts)).toEqual(Array.from(whole.map.starts));
      expect(Array.from(built.map.lineOf)).toEqual(Array.from(whole.map.lineOf));
      expect(lineAt(built, built.text.length)).toBe(lineAt(whole, whole.text.length));
    });
  }
});
