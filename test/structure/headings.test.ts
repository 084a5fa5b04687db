import { describe, expect, it } from "vitest";
import { splitDocuments } from "../../src/structure/documents.js";
import { detectHeading } from "../../src/structure/headings.js";
import { sourceOf } from "../helpers.js";

describe("numbering as written in the wild (issue 14 item 6)", () => {
  it.each([
    ["第十条 本办法由区商务局负责解释。", "第十条", 4.5],
    ["第10条 支持范围", "第10条", 4.5],
    ["第1 0条 支持范围", "第10条", 4.5], // digits set apart by print or OCR
    ["第 十 条 支持范围", "第十条", 4.5],
    ["第一章总则", "第一章", 2],
    ["第 一 章 总则", "第一章", 2],
    ["第二节 重点任务", "第二节", 3],
    ["二 、支持范围", "二、", 5],
    ["十一、保障措施", "十一、", 5],
    ["（ 一 ）加强金融服务", "（一）", 6],
    ["( 一 ) 加强金融服务", "(一)", 6],
    ["（十二）保障", "（十二）", 6],
    ["1、加大金融政策支持力度", "1、", 7],
    ["1.加大金融政策支持力度", "1.", 7],
    ["（ 1 ）对首次认定的企业", "（1）", 8],
    ["⑴对首次认定的企业", "⑴", 8],
    ["①对首次认定的企业", "①", 9],
  ])("%s → %s (level %d)", (line, marker, level) => {
    const h = detectHeading(line)!;
    expect([h.marker, h.level]).toEqual([marker, level]);
    expect(h.label.startsWith(marker)).toBe(true);
  });

  it.each([
    // a numbered paragraph (seeds): its first sentence, cut at 40 characters
    ["1.加快推进新型基础设施建设，统筹布局5G基站、数据中心等设施，到2025年全区5G基站达到2万个以上。", "1.加快推进新型基础设施建设，统筹布局5G基站、数据中心等设施，到2025年全区…"],
    // 41 characters, no stop: cut; a stop right after 40: exactly 40, no …
    ["（一）加快推进新型基础设施建设统筹布局基站数据中心等设施到年全区基站达到万个以上并", "（一）加快推进新型基础设施建设统筹布局基站数据中心等设施到年全区基站达到万个以上…"],
    ["（一）加快推进新型基础设施建设统筹布局基站数据中心等设施到年全区基站达到万个以上。并", "（一）加快推进新型基础设施建设统筹布局基站数据中心等设施到年全区基站达到万个以上"],
    ["（ 1 ）对首次认定的企业：按规定", "（1）对首次认定的企业"],
    ["第1 0条 支持范围", "第10条 支持范围"],
    ["1、", "1、"],
  ])("label of %s", (line, label) => expect(detectHeading(line)!.label).toBe(label));

  it.each(["1.5亿元的项目", "一是加强领导", "第一批项目", "十分重要", "总则"])("%s is no heading", (line) => expect(detectHeading(line)).toBeUndefined());

  it("an article is a section between its chapter and its items (甘井子区总部经济扶持办法, corpus/dev)", () => {
    const text = "第三章 企业开办扶持\n第六条 企业办公用房扶持\n（一）自建办公用房\n对新开办企业自建办公用房的，按每平方米500元给予补助。\n第七条 其他\n（一）其他事项\n";
    const [doc] = splitDocuments(sourceOf(text, "甘井子区总部经济扶持办法（试行）.txt"));
    const block = doc!.blocks.find((b) => b.text.startsWith("对新开办企业"))!;
    expect(block.section).toEqual(["第三章 企业开办扶持", "第六条 企业办公用房扶持", "（一）自建办公用房"]);
    expect(doc!.blocks.at(-1)!.section).toEqual(["第三章 企业开办扶持", "第七条 其他", "（一）其他事项"]);
  });

  it("a line of 200 000 spaced marks is read in linear time (bounded rules)", () => {
    expect(detectHeading("第" + " 1".repeat(200_000) + "条")).toBeUndefined();
    expect(detectHeading("（" + " 一".repeat(200_000))).toBeUndefined();
  });
});
