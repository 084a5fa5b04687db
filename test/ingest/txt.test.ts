import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { ingestBytes } from "../../src/ingest/index.js";
import { lineAt, type Source } from "../../src/ingest/source.js";
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
