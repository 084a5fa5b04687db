import { describe, expect, it } from "vitest";
import { splitDocuments } from "../../src/structure/documents.js";
import { SEED, seedText, sourceOf } from "../helpers.js";

describe("专栏 tables (001 专栏1: tab-separated indicator rows)", () => {
  const [doc] = splitDocuments(sourceOf(seedText(SEED.fyp), SEED.fyp));
  const rows = doc!.tables.filter((r) => r.block.box?.startsWith("专栏1“"));
  it("reads the header row and every indicator row under it", () => {
    expect(rows[0]!.header.map((h) => h.replace(/\s+/g, ""))).toEqual(["类别", "指标", "2025年", "2030年", "年均/累计", "属性"]);
    expect(rows).toHaveLength(21); // 20 indicators, indicator 10 printed over two rows
  });
  it("a row that prints no category keeps its empty first cell and carries the category above it", () => {
    const second = rows.find((r) => r.cells.some((c) => c.text.startsWith("2.全员劳动生产率")))!;
    expect(second.cells[0]!.text).toBe("");
    expect(second.category).toBe("经济发展");
    const sub = rows.find((r) => r.cells.some((c) => c.text.startsWith("注册护士数")))!;
    expect(sub.cells.slice(0, 2).map((c) => c.text)).toEqual(["", ""]);
    expect(sub.category).toBe("民生福祉");
  });
});

describe("a table as a PDF prints it: no blank leading cells", () => {
  // 001 专栏1 as pdf.js reads LibreOffice's print of it (tabs restored by ingest/pdf.ts)
  const text = [
    "专栏1 “十五五”时期经济社会发展主要指标",
    "类别\t指 标\t2025 年\t2030 年\t年均/累计\t属 性",
    "经济 发展\t1.地区生产总值增长 (%)\t4.7\t—\t4.5 左右\t预期性",
    "2.全员劳动生产率增长 (%)\t5.4*\t—\t高于 GDP 增长\t预期性",
    "10.每千人口拥有医护 人员数\t执业医师数 (人)\t3.7\t4.5\t—\t预期性",
    "注册护士数 (人)\t4.5\t5.5\t—\t预期性",
  ].join("\n");
  const [doc] = splitDocuments(sourceOf(text, "x.pdf"));
  const byStart = (s: string) => doc!.tables.find((r) => r.cells.some((c) => c.text.startsWith(s)))!;
  it("a short row gets its blank cells back in front, so columns count from the left as in the .txt", () => {
    expect(byStart("2.全员").cells.map((c) => c.text)).toEqual(["", "2.全员劳动生产率增长 (%)", "5.4*", "—", "高于GDP增长", "预期性"]);
    expect(byStart("2.全员").category).toBe("经济发展");
  });
  it("a numbered row as long as the header has no category: its blank one comes first (10. is an indicator)", () => {
    expect(byStart("10.每千").cells.map((c) => c.text).slice(0, 3)).toEqual(["", "10.每千人口拥有医护 人员数", "执业医师数 (人)"]);
  });
  it("the padding cells are empty spans at the row's start (provenance stays on the row)", () => {
    const r = byStart("注册护士数");
    expect(r.cells[0]!.start).toBe(r.cells[1]!.start);
    expect(r.cells[0]!.end).toBe(r.cells[0]!.start);
  });
});

describe("a row's cells, found between its tabs by indexOf", () => {
  it("each cell's offsets hold its trimmed text, blank cells and spaces around cells included", () => {
    const text = "专栏1 指标\n类别\t指标\t2025年\n \t 2.全员劳动生产率 \t\t5.4*\t\t\n经济\t地区生产总值\t增长6%\n";
    const src = sourceOf(text, "t.txt");
    const rows = splitDocuments(src).flatMap((d) => d.tables);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) for (const c of r.cells) expect(src.text.slice(c.start, c.end)).toBe(c.text);
    const [seed] = splitDocuments(sourceOf(seedText(SEED.fyp), SEED.fyp));
    const seedSrc = sourceOf(seedText(SEED.fyp), SEED.fyp);
    for (const r of seed!.tables) for (const c of r.cells) expect(seedSrc.text.slice(c.start, c.end)).toBe(c.text);
    const row = rows.find((r) => r.cells.some((c) => c.text === "2.全员劳动生产率"));
    expect(row?.cells.map((c) => c.text)).toEqual(["", "2.全员劳动生产率", "", "5.4*"]);
  });
});
