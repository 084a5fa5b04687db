import { describe, expect, it } from "vitest";
import { distribute, isWeakBeneficiary } from "../../src/extract/subsidies/beneficiary.js";

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

  it("a qualifier before the first item's 的 is shared; a run of tiers shares the rest; a grade range gives one tier per grade", () => {
    // (the items are rewritten in place, not mapped to a new array: distribute's lists stay packed arrays)
    expect(distribute("绩效评价优秀的众创空间、孵化器", 2)).toEqual(["绩效评价优秀的众创空间", "绩效评价优秀的孵化器"]);
    expect(distribute("新认定为国家级、自治区级工业设计中心的", 2)).toEqual(["新认定为国家级工业设计中心的", "新认定为自治区级工业设计中心的"]);
    expect(distribute("被评为国家3A-5A级的企业", 3)).toEqual(["被评为国家3A级的企业", "被评为国家4A级的企业", "被评为国家5A级的企业"]);
  });

  it("a run of tiers is found past a tier word outside it (each run starts where a tier word does: one search, not a test per character)", () => {
    // the same lists as the per-character scan before (8b717d3)
    expect(distribute("经国家认定的国家级、自治区级企业技术中心", 2)).toEqual(["经国家认定的国家级企业技术中心", "经国家认定的自治区级企业技术中心"]);
    expect(distribute("开展I、II、III期临床试验的药品", 3)).toEqual(["开展I期临床试验的药品", "开展II期临床试验的药品", "开展III期临床试验的药品"]);
    expect(distribute("获得国家级和自治区级", 2)).toEqual(["获得国家级", "获得自治区级"]);
  });

  it("a phrase that does not split into as many items gives null", () => {
    expect(distribute("参与制定国际、国家（行业）标准的企业", 3)).toBeNull();
  });
});

/** Clauses that name no recipient (beneficiary.ts namesNoOne, read through isWeakBeneficiary): each pattern is tried only on a clause it can match. */
describe("subsidies clauses that name no one", () => {
  it("steps, payout names, what is enjoyed, terms, limits, weighings, payers and labels are weak", () => {
    for (const c of ["成功上市后", "除享受上级资金扶持外", "扶持金额", "补助上限原则上不超过", "资助标准原则上不高于", "可申请经营规模拓展扶持",
      "可按规定享受我区产业发展与创新人才奖", "每年", "连续3年", "贴息贷款最高不超过200万元", "贴息期限不超过2年", "结合专项资金年度预算", "市财政",
      "由旗县人民政府", "扶持的标准为", "专项资金的补助比例和额度", ""]) expect(isWeakBeneficiary(c), c).toBe(true);
  });

  it("recipients from the seeds are not, though some open with a payout word's first character", () => {
    for (const c of ["新认定的国家级企业技术中心", "经考核合格的乡土人才", "支持5个一刻钟便民生活圈建设", "基础研究和应用基础研究"]) expect(isWeakBeneficiary(c), c).toBe(false);
  });
});
