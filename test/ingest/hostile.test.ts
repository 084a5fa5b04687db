import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/ingest/index.js";
import { normalize } from "../../src/ingest/normalize.js";
import { lineAt, sourceFromLines } from "../../src/ingest/source.js";
import { htmlToText } from "../../src/ingest/html.js";
import { parseDocNumber, splitDocuments } from "../../src/structure/documents.js";
import { detectHeading } from "../../src/structure/headings.js";
import { findQuantities } from "../../src/shared/numbers.js";
import { fixOcrDashes } from "../../src/shared/places.js";
import { stageVerbs } from "../../src/shared/stage.js";
import { ADDRESSEE_LINE, DATE_LINE, DOC_NUMBER_LINE, TITLE_END } from "../../src/shared/patterns.js";

/**
 * Hostile input: one 10 MB line of digits, punctuation, 一, tabs and spaces
 * goes through ingest (decode, normalise), structure (documents, blocks,
 * sentences, tables) and the shared scanners; smaller runs of one character
 * class probe each regex's worst case (at 512 KB a quadratic one would already
 * take hours). Every regex on that path must be linear: these tests complete
 * (no timing assertion; `npm run bench` reports times).
 */
const MB = 1 << 20;
/** `unit` repeated to about `bytes` bytes of UTF-8. */
const line = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
const MIXED = "2025 年，１２３。一二三\t\t  （一）第一章 十五五 ％ 国发〔2023〕16号 、；—1.5亿元 ";

describe("hostile input stays linear", () => {
  it("a 10 MB single line of digits, punctuation, 一, tabs: ingest + structure complete", async () => {
    const text = line(MIXED, 10 * MB);
    const src = await ingestBytes("hostile.txt", Buffer.from(text));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(10 * MB);
    expect(lineAt(src, src.text.length - 1)).toBe(1); // still one original line
    expect(src.map.runs).toBe(1); // and one run of the position map, not a number per character
    const docs = splitDocuments(src);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.blocks).toHaveLength(1);
    expect(docs[0]!.blocks[0]!.cells!.length).toBeGreaterThan(100_000); // tabs make it one long table row
  });

  it.each([
    ["tabs then text", "\t", "x"],
    ["spaces then text", " ", "年"],
    ["digits", "1", "亩"],
    ["一", "一", "、"],
    ["open brackets", "（", "号"],
    ["full-width digits", "２", "％"],
  ])("a 512 KB run of %s", async (_l, unit, tail) => {
    const text = line(unit, MB / 2) + tail;
    const src = await ingestBytes("run.txt", Buffer.from(text));
    const docs = splitDocuments(src);
    expect(docs.length).toBe(1);
  });

  it("many short lines that look like page-break fragments, headings and 文号 lines", async () => {
    const text = line("这是一段很长的文字没有结束标点而且一直写下去直到超过三十个字符为止的内容啊\n\n（一）标题\n国发〔2023〕16号\n", MB / 2);
    const docs = splitDocuments(await ingestBytes("lines.txt", Buffer.from(text)));
    expect(docs.length).toBeGreaterThanOrEqual(1);
  });

  it("PDF text (margin unwrap) and HTML (block walk) of 1 MB", async () => {
    const raw = line("一".repeat(40) + "\n" + "（" + "\n", MB);
    const pdf = normalize(sourceFromLines("t.pdf", "pdf", raw));
    expect(pdf.text.split("\n").length).toBeLessThan(raw.split("\n").length * 0.6); // each full line took the next
    const html = `<div id="zoom">${line("<p>一二三<br>\t ", MB)}</div>`;
    expect((await htmlToText(html)).length).toBeGreaterThan(0);
  });

  it("shared scanners and line patterns on a 1 MB line", () => {
    const text = line(MIXED, MB);
    expect(findQuantities(text).length).toBeGreaterThan(0);
    expect(stageVerbs(line("建设开工", MB)).length).toBeGreaterThan(0);
    expect(fixOcrDashes(line("集宁一大同一", MB))).toContain("—");
    for (const re of [TITLE_END, DOC_NUMBER_LINE, DATE_LINE, ADDRESSEE_LINE]) expect(re.test(text)).toBe(false);
    expect(detectHeading(text)).toBeUndefined();
    expect(parseDocNumber(line("国发", MB) + "〔2023〕16号")).toBeNull();
  });
});
