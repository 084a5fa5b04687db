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
