import { describe, expect, it } from "vitest";
import { splitUnits, unitClauses } from "../../src/extract/subsidies/units.js";

/** 责任单位 lists are read by code unit: brackets nest, 、 and ， part units outside them, whitespace is dropped. */
describe("subsidies responsible units", () => {
  it("a labelled list with a unit's own brackets (units.ts's example)", () => {
    const text = "支持重点产业发展。〔责任单位：自治区农牧厅（乡村振兴局）、财政厅，各盟行政公署、市人民政府〕";
    expect(unitClauses(text).map((u) => u.units)).toEqual([["自治区农牧厅（乡村振兴局）", "财政厅", "各盟行政公署", "市人民政府"]]);
  });

  it("an unlabeled list closing the item, carried on by 下同", () => {
    const [u] = unitClauses("落实政府定价经营服务性收费清单制度。(自治区发展改革委、市场监管局按职责分工负责，下同)");
    expect(u).toMatchObject({ units: ["自治区发展改革委", "市场监管局"], carries: true });
  });

  it("splitUnits drops whitespace inside a unit and empty units, and splits nothing inside brackets", () => {
    expect(splitUnits(" 自治区 财政厅 、、税务局（含 各 分局、所）,\t发展改革委 ")).toEqual(["自治区财政厅", "税务局（含各分局、所）", "发展改革委"]);
  });
});
