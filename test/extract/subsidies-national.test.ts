import { describe, expect, it } from "vitest";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { finalize } from "../../src/extract/record.js";
import { docOf } from "../helpers.js";

/** Contract v3 rules met in real policies of other provinces (sentences from corpus/dev, Liaoning). */
function subs(text: string) {
  const doc = docOf(text, { policy_level: "district" });
  return finalize("subsidies", doc, extractSubsidies(doc));
}

describe("subsidies written as in other provinces", () => {
  it("万 without 元 is yuan (a 扶持 part names the payout); the thresholds are no amounts", () => {
    const rs = subs("在我区入驻三年及以上的存量总部企业，可申请经营规模拓展扶持，扶持的标准为：主营业务收入首次超过1.5亿元、3亿元、5亿元、10亿元、50亿元的，分别一次性给予企业10万、20万、30万、50万、100万。");
    expect(rs.map((r) => r.amount_yuan).sort((a, b) => a! - b!)).toEqual([100000, 200000, 300000, 500000, 1000000]);
    expect(rs.every((r) => r.instrument === "funding" && r.frequency === "one_time")).toBe(true);
    const lists = subs("对首次入选“世界500强”、“国内制造业500强”的总部企业，分别扶持5000万、500万。");
    expect(lists.map((r) => r.amount_yuan).sort((a, b) => a! - b!)).toEqual([5000000, 50000000]);
  });

  it("a cap on the payout itself (支持额度不超过) is a cap, not a condition on the applicant", () => {
    const [r] = subs("1.并购海外科技型企业的项目，按核定后并购金额的20%给予支持，单项补助支持额度不超过3000万元。");
    expect([r!.rate_pct, r!.amount_max_yuan]).toEqual([20, 30000000]);
  });

  it("instalments of one award (按40%、30%、30%的比例分三年发放) give no records of their own", () => {
    const rs = subs("扶持的标准为：按购房价的5%给予补助，补助金额最高不超过200万元，按40%、30%、30%的比例分三年发放。");
    expect(rs.map((r) => [r.rate_pct, r.amount_max_yuan, r.frequency, r.years])).toEqual([[5, 2000000, "multi_year", 3]]);
  });
});

describe("contract v3 fields", () => {
  it("a rate range gives rate_pct and rate_pct_high (按5%—20%给予补助)", () => {
    const [r] = subs("对企业研发投入按5%—20%给予补助，单笔补助不超过100万元。");
    expect([r!.rate_pct, r!.rate_pct_high, r!.amount_max_yuan, r!.amount_total_max_yuan]).toEqual([5, 20, 1000000, null]);
  });
});

const pick = (r: Record<string, unknown>, ...keys: string[]) => keys.map((k) => r[k]);

describe("thresholds are conditions, not amounts (contract v3)", () => {
  it("首次超过…、…的 lists of thresholds: each tier keeps its own threshold in the beneficiary", () => {
    const rs = subs("在我区入驻三年及以上的存量总部企业，可申请经营规模拓展扶持，扶持的标准为：主营业务收入首次超过1.5亿元、3亿元、5亿元、10亿元、50亿元的，分别一次性给予企业10万、20万、30万、50万、100万。");
    const byAmount = new Map(rs.map((r) => [r.amount_yuan, r.beneficiary]));
    expect(byAmount.get(200000)).toBe("在我区入驻三年及以上的存量总部企业，主营业务收入首次超过3亿元的");
    expect(byAmount.get(1000000)).toBe("在我区入驻三年及以上的存量总部企业，主营业务收入首次超过50亿元的");
    expect(rs.every((r) => r.amount_max_yuan === null && r.amount_min_yuan === null)).toBe(true);
  });

  it("研发投入在600万元以上, 1000万元及以上至5000万元, 申请补助金额超过1000万元的项目 set no amount", () => {
    expect(subs("对研发投入在600万元以上的企业，给予50万元奖励。").map((r) => pick(r, "amount_yuan", "amount_min_yuan"))).toEqual([[500000, null]]);
    expect(subs("对年营业收入1000万元及以上至5000万元的企业，给予10万元奖励。").map((r) => r.amount_yuan)).toEqual([100000]);
    expect(subs("其中：申请补助金额超过1000万元的项目，须由项目所在市政府出具项目审核意见上报省政府。")).toEqual([]);
  });

  it("a tier range 年度区级贡献在100万元至300万元（含300万元）的 is a condition; the tier's rate is its payout", () => {
    const rs = subs("按其对区级贡献的一定比例对总部企业进行扶持，扶持的标准为：年度区级贡献在100万元至300万元（含300万元）的，扶持12%。年度区级贡献在300万元至500万元（含500万元）的，扶持20%。");
    expect(rs.map((r) => pick(r, "rate_pct", "amount_min_yuan", "amount_max_yuan", "instrument")).sort()).toEqual([[12, null, null, "funding"], [20, null, null, "funding"]]);
    expect(rs.find((r) => r.rate_pct === 20)!.beneficiary).toBe("年度区级贡献在300万元至500万元（含500万元）的");
  });

  it("a condition list before a 分别 list gives each tier its condition and keeps the recipient named at the payout", () => {
    const rs = subs("总部企业对产业链引进的总投资超过１亿元、５亿元、10亿元的产业链上下游配套项目，分别给予引进企业30万元、50万元、100万元的扶持。");
    expect(rs.map((r) => r.amount_yuan).sort((a, b) => a! - b!)).toEqual([300000, 500000, 1000000]);
    expect(rs.find((r) => r.amount_yuan === 500000)!.beneficiary).toMatch(/超过5亿元的产业链上下游配套项目（引进企业）$/);
  });
});

describe("instalments, caps and number forms (contract v3)", () => {
  it("instalments after the total (第一年奖励5万元，第二年3万元…) give one record with the total", () => {
    expect(subs("对新认定的企业给予10万元奖励（第一年奖励5万元，第二年3万元，第三年2万元）。").map((r) => r.amount_yuan)).toEqual([100000]);
  });

  it("a cap after the payout clause bounds it (按1%给予落户扶持，最高不超过300万元); a rate written after its base (按照增资金额1%的标准)", () => {
    const rs = subs("总部企业实缴注册资本超过5000万元的，按1%给予落户扶持，最高不超过300万元。已获得落户扶持的总部企业，因业务发展四年内增加实缴资本金的，按照增资金额1%的标准给予不高于250万元的扶持。");
    expect(rs.map((r) => pick(r, "rate_pct", "amount_max_yuan", "rate_base")).sort()).toEqual([[1, 2500000, "增资金额"], [1, 3000000, null]]);
  });

  it("a loan's cap is no payout (贴息贷款最高不超过200万元); the rate before its base noun (50%贷款利息的…贴息) is", () => {
    const rs = subs("对新建、扩建、购置及租赁用房的民办非营利性养老机构，通过银行按揭贷款的，市财政给予贷款贴息。贴息贷款最高不超过200万元，贴息期限不超过2年，可享受50%贷款利息的一次性贴息。");
    expect(rs.map((r) => pick(r, "instrument", "rate_pct", "rate_base", "amount_max_yuan", "frequency"))).toEqual([["interest_subsidy", 50, "贷款利息", null, "one_time"]]);
    expect(rs[0]!.beneficiary).toMatch(/^新建、扩建、购置及租赁用房的民办非营利性养老机构/);
  });

  it("‰ is converted to percent exactly; N倍 of a base written without 的 is a rate", () => {
    expect(subs("对企业按其年贷款额给予0.5‰的贴息补助。").map((r) => r.rate_pct)).toEqual([0.05]);
    expect(subs("托管费用由政府和家庭共同承担，市以上财政按农村“五保”集中供养标准15倍给予补助。").map((r) => pick(r, "rate_pct", "rate_base"))).toEqual([[1500, "农村“五保”集中供养标准"]]);
  });

  it("bare numbers listed before an amount share its unit (分别给予10、20、30万元); a tier range 3A-5A gives each grade", () => {
    const rs = subs("被评为国家3A-5A级的企业，分别给予10、20、30万元奖励（各层奖励只补差，不累加）。");
    expect(rs.map((r) => [r.amount_yuan, r.beneficiary]).sort()).toEqual([[100000, "被评为国家3A级的企业"], [200000, "被评为国家4A级的企业"], [300000, "被评为国家5A级的企业"]]);
  });

  it("the standard of the payout names the base of its rate (资助标准原则上不高于产品订货合同的20%)", () => {
    const [r] = subs("补贴标准原则上不超过产品订货合同及发票认定金额的10%，补贴金额最高不超过200万元。");
    expect(pick(r!, "rate_pct", "rate_base", "amount_max_yuan")).toEqual([10, "产品订货合同及发票认定金额", 2000000]);
  });

  it("a fund's share given to a use is funding for that use; a tax rate levied (按20%的税率缴纳) is no record", () => {
    const [r] = subs("全市用于社会福利事业的彩票公益金，50%以上用于支持发展养老服务业，并随老年人口的增加逐步提高投入比例。");
    expect(pick(r!, "rate_pct", "instrument", "beneficiary")).toEqual([50, "funding", "发展养老服务业"]);
    const tax = subs("对符合规定条件的年应纳税所得额低于30万元（含30万元）的小型微利企业，其所得减按50%计入应纳税所得额，按20%的税率缴纳企业所得税。");
    expect(tax.map((t) => t.instrument)).toEqual(["tax_relief"]);
  });
});

describe("beneficiary and instrument from the right clause", () => {
  it("the payer (市财政给予) and a kind header (一是…) are no recipient; the recipient named before is", () => {
    const rs = subs("提高符合条件的城乡民办非营利性养老机构建设补贴和运营补贴标准。一是新增养老床位补贴。市财政给予新建每张床位补贴标准统一提高到10000元，改扩建每张床位补贴标准统一提高到6000元。");
    expect(rs.map((r) => [r.amount_yuan, r.beneficiary])).toEqual([
      [10000, "符合条件的城乡民办非营利性养老机构建设（新增养老床位补贴，新建）"],
      [6000, "符合条件的城乡民办非营利性养老机构建设（新增养老床位补贴，改扩建）"],
    ]);
  });

  it("tiers listed in the basis clause (按照…身体自理、半失能和失能状况) split one recipient", () => {
    const rs = subs("对城市60周岁以上“三无”老年人、遗属孤老、低保家庭中的老年人的居家养老服务补贴，按照困难老年人身体自理、半失能和失能状况，资助标准分别提高到每人每月200元、400元、600元。");
    expect(rs.map((r) => r.beneficiary)).toEqual([200, 400, 600].map((_, i) => `城市60周岁以上“三无”老年人、遗属孤老、低保家庭中的老年人的居家养老服务（${["身体自理", "半失能", "失能状况"][i]}）`));
    expect(rs.every((r) => r.instrument === "subsidy" && r.frequency === "monthly")).toBe(true);
  });

  it("what is enjoyed (可按规定享受…人才奖) and the payout's name (扶持金额) are no recipient; the prize makes it an award", () => {
    const [r] = subs("在总部企业发展与技术创新中入选国家“千人计划”、省“百人计划”或同等级的人才认定奖项，可按规定享受我区产业发展与创新人才奖，扶持金额最高不超过30万元。");
    expect(pick(r!, "beneficiary", "instrument", "amount_max_yuan")).toEqual(["在总部企业发展与技术创新中入选国家“千人计划”、省“百人计划”或同等级的人才认定奖项", "award", 300000]);
  });

  it("a specific payout word in the cap clause names the instrument (给予支持，单项补助支持额度不超过)", () => {
    const [r] = subs("1.并购海外科技型企业的项目，按核定后并购金额的20%给予支持，单项补助支持额度不超过3000万元。");
    expect(r!.instrument).toBe("subsidy");
  });
});

describe("caps and terms shared by the records they follow", () => {
  it("tiered rates with 单笔…，累计不超过… give one record per rate, each with both caps", () => {
    const rs = subs("对企业按销售额的3%、4%、5%分别给予奖励，单笔奖励不超过100万元，累计不超过1000万元。");
    expect(rs.map((r) => pick(r, "rate_pct", "amount_max_yuan", "amount_total_max_yuan", "beneficiary")).sort()).toEqual([
      [3, 1000000, 10000000, "企业"], [4, 1000000, 10000000, "企业"], [5, 1000000, 10000000, "企业"],
    ]);
  });

  it("a sentence opening with the payout's amount (补助金额最高不超过) caps the record before it", () => {
    const rs = subs("扶持的标准为：租用自用办公用房的，按月租金的3倍进行补助。补助金额最高不超过100万元，按40%、30%、30%的比例分三年发放。");
    expect(rs.map((r) => pick(r, "beneficiary", "rate_pct", "rate_base", "amount_max_yuan", "frequency"))).toEqual([["租用自用办公用房的", 300, "月租金", 1000000, "multi_year"]]);
  });

  it("a cap with no award before it in its article stands as the article's record", () => {
    const rs = subs("第二十九条 结合专项资金年度预算、专家评审结果和企业项目投资规模，单个项目的补助上限原则上不超过200万元。");
    expect(rs.map((r) => pick(r, "amount_max_yuan", "frequency", "instrument"))).toEqual([[2000000, null, "subsidy"]]);
  });

  it("a term written for the payouts (扶持期限为三年, 补贴期限3年) makes them multi_year", () => {
    const tiers = subs("年度区级贡献在300万元至500万元（含500万元）的，扶持20%。年度区级贡献在500万元至1000万元（含1000万元），扶持25%。扶持期限为三年。");
    expect(tiers.map((r) => pick(r, "rate_pct", "frequency", "years")).sort()).toEqual([[20, "multi_year", 3], [25, "multi_year", 3]]);
    expect(subs("对企业给予每年最高300万元补贴，补贴期限3年。").map((r) => pick(r, "amount_max_yuan", "frequency", "years"))).toEqual([[3000000, "multi_year", 3]]);
    // a term of its own sentence, after a sentence that pays: no term for the payout before
    expect(subs("对新认定的企业给予50万元奖励。对企业按租金的10%给予补贴，补贴期限3年。").find((r) => r.amount_yuan === 500000)!.frequency).toBe(null);
  });

  it("年度 qualifying a ranking and 一次性 qualifying an act set no frequency", () => {
    expect(subs("对年度固定资产投资排前三名的企业，给予50万元奖励。")[0]!.frequency).toBe(null);
    expect(subs("对一次性引进国际性会议的单位，给予10万元补助。")[0]!.frequency).toBe(null);
    expect(subs("对参加团体责任险的民办非营利性养老机构，年度所需经费由市以上财政补助80%，人均补助不超过100元。").map((r) => pick(r, "rate_pct", "amount_max_yuan", "frequency"))).toEqual([[80, 100, "annual"]]);
  });
});

describe("sentences of unlabelled policies (corpus/wild)", () => {
  it("税前扣除 is a tax relief; 免税资格 and 享受税前加计扣除的… are no relief", () => {
    const rs = subs("体育企业发生的符合条件的广告费支出按规定在税前扣除，符合规定的研发费用可按规定在税前扣除；经认定为享受免税资格的非营利体育服务企业，取得的符合条件的收入，免征企业所得税。");
    expect(rs.map((r) => r.beneficiary).sort()).toEqual([
      "体育企业发生的符合条件的广告费支出（税前扣除）", "符合规定的研发费用（税前扣除）", "经认定为享受免税资格的非营利体育服务企业，取得的符合条件的收入（免征企业所得税）",
    ].sort());
    expect(subs("以企业最近一个年度所得税汇算清缴向税务部门自行申报的享受税前加计扣除的研发费用数额为补助测算基数，按照企业研发费用的1%给予后补助支持。").map((r) => r.instrument)).toEqual(["subsidy"]);
  });

  it("a payout word inside a relative clause (列入风险补贴计划的项目) is part of the recipient", () => {
    const [r] = subs("对列入风险补贴计划的项目，给予推广资金风险补贴。补贴标准原则上不超过产品订货合同及发票认定金额的10%，补贴金额最高不超过200万元。");
    expect(pick(r!, "beneficiary", "rate_pct", "amount_max_yuan")).toEqual(["列入风险补贴计划的项目", 10, 2000000]);
  });

  it("a step clause (成功升板后) keeps the recipient of the sentence's payout before", () => {
    const rs = subs("境内“新三板”挂牌企业，按照经审核后的“新三板”挂牌票据实际发生额给予补贴，补贴额度最高不超过150万元；成功升板后，按照经审核后的上市票据实际发生额给予补贴，补贴额度最高不超过150万元。");
    expect(rs.map((r) => r.beneficiary)).toEqual(["境内“新三板”挂牌企业", "境内“新三板”挂牌企业（成功升板后）"]);
  });

  it("单项… caps every rate of the sentences before; the bound on a rate is no part of its base", () => {
    const rs = subs("（四）科技服务类项目，其中：对于以提升服务能力为目的的软硬件设备购置和服务设施改造项目，按照不超过上年度投资总额的30%给予补助；对于为中小企业技术创新活动提供各种专业化服务的项目，按照不超过上年度运营成本的40%给予补助。单项补助最高额度原则上不超过40万元。");
    expect(rs.map((r) => pick(r, "rate_pct", "rate_base", "amount_max_yuan"))).toEqual([[30, "上年度投资总额", 400000], [40, "上年度运营成本", 400000]]);
    expect(rs[1]!.beneficiary).toBe("为中小企业技术创新活动提供各种专业化服务的项目");
  });

  it("以内 after an amount is a cap; the amount's noun after 的 (1000元的培训补贴) keeps it a payout", () => {
    expect(subs("根据其经营规模、入驻企业情况，给予600万元以内的运营费补贴。").map((r) => pick(r, "amount_yuan", "amount_max_yuan"))).toEqual([[null, 6000000]]);
    const [r] = subs("对年培训人数达到40人以上、被甘井子区跨境电子商务企业正式录用的，给予培训机构每人1000元的培训补贴，每家每年最多不超过10万元。");
    expect(pick(r!, "amount_yuan", "amount_max_yuan", "per_unit")).toEqual([1000, 100000, "每人"]);
  });

  it("a share set aside from a revenue for a use (留取不低于5%的资金，用于…) is a pool for that use", () => {
    const [r] = subs("第三条 突出生态科技创新城的科技特色，生态科技创新城每年应从市补贴的土地出让金收益中留取不低于5%的资金，用于区域内公共科技基础设施和科技服务平台建设。");
    expect(pick(r!, "rate_pct", "rate_base", "beneficiary")).toEqual([5, "市补贴的土地出让金收益", "区域内公共科技基础设施和科技服务平台建设"]);
  });
});

describe("more sentences of corpus/wild", () => {
  it("a per-unit base in the clause before 即给予 (每增加出口1美元)", () => {
    const [r] = subs("（一）推动外贸企业运用跨境电商转型发展，鼓励企业扩大出口。企业每增加出口1美元，即给予0.02元人民币的奖励，每家企业每年最高奖励不超过10万元。");
    expect(pick(r!, "amount_yuan", "amount_max_yuan", "per_unit", "frequency")).toEqual([0.02, 100000, "每增加出口1美元", "annual"]);
  });

  it("a levy stated before a relief (按20%的税率缴纳…，同时延长…) is no part of who; 补贴 qualifying a revenue names no subsidy", () => {
    const rs = subs("27.对符合规定条件的年应纳税所得额低于30万元（含30万元）的小型微利企业（包括采取查账征收和核定征收方式的企业），其所得减按50%计入应纳税所得额，按20%的税率缴纳企业所得税，同时延长部分小微企业、个体工商业户等免征增值税、营业税优惠期限至2017年底。");
    expect(rs.map((r) => r.beneficiary)).toContain("部分小微企业、个体工商业户等（免征增值税、营业税优惠期限至2017年底）");
    expect(subs("生态科技创新城每年应从市补贴的土地出让金收益中留取不低于5%的资金，用于区域内公共科技基础设施和科技服务平台建设。")[0]!.instrument).toBe("funding");
  });

  it("the recipient left unnamed is that of the ；-part before that pays nothing (属第二条第（二）类的项目)", () => {
    const rs = subs("属第二条第（二）类的项目，可测算单项工程使用量的，按单项工程使用量进行认定。无法测算单项工程使用量的，认定金额不超过1000万元。资助标准原则上不超过认定金额的20%，资助金额最高不超过500万元。");
    expect(rs.map((r) => pick(r, "rate_pct", "amount_max_yuan"))).toEqual([[20, 5000000]]);
    expect(rs[0]!.beneficiary).toMatch(/^属第二条第（二）类的项目/);
  });
});
