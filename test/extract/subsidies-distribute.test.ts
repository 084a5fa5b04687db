import { describe, expect, it } from "vitest";
import { distribute } from "../../src/extract/subsidies/beneficiary.js";

/**
 * 分别 lists split into one phrase per amount (phrases from the seeds and the test corpus). The list is
 * split at 、和及与 outside brackets and quotes, and not inside a word that holds one (参与, 以及).
 */
describe("subsidies 分别 distribution", () => {
  it("a tier list shares the rest of the phrase; 参与 holds no separator; a bracket inside a tier stays", () => {
    expect(distribute("参与制定国际、国家（行业）标准的企业", 2)).toEqual(["参与制定国际标准的企业", "参与制定国家（行业）标准的企业"]);
  });

  it("a 、 inside brackets splits nothing", () => {
    expect(distribute("新命名的自治区“四好农村路”示范盟市和旗县（市、区）", 2)).toEqual(["新命名的自治区“四好农村路”示范盟市", "新命名的旗县（市、区）"]);
    expect(distribute("自理（含半失能）、失能的身体情况", 2)).toEqual(["自理（含半失能）", "失能的身体情况"]);
  });

  it("quoted items and a list joined by both 、 and 和", () => {
    expect(distribute("自治区认定的创新型中小企业、“专精特新”中小企业和“小巨人”企业", 3))
      .toEqual(["自治区认定的创新型中小企业", "自治区认定的“专精特新”中小企业", "自治区认定的“小巨人”企业"]);
    expect(distribute("身体自理、半失能和失能状况", 3)).toEqual(["身体自理", "半失能", "失能状况"]);
  });

  it("the last item's condition is shared; a list of thresholds gives one phrase per amount", () => {
    expect(distribute("博士后、博士、“双一流”硕士在赤峰市规划区域内购买住房的", 3))
      .toEqual(["博士后在赤峰市规划区域内购买住房的", "博士在赤峰市规划区域内购买住房的", "“双一流”硕士在赤峰市规划区域内购买住房的"]);
    expect(distribute("产业链引进的总投资超过1亿元、5亿元、10亿元的产业链上下游配套项目", 3))
      .toEqual(["产业链引进的总投资超过1亿元的产业链上下游配套项目", "产业链引进的总投资超过5亿元的产业链上下游配套项目", "产业链引进的总投资超过10亿元的产业链上下游配套项目"]);
  });

  it("a phrase that does not split into as many items gives null", () => {
    expect(distribute("参与制定国际、国家（行业）标准的企业", 3)).toBeNull();
  });
});
