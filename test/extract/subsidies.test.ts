import { describe, expect, it } from "vitest";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { finalize } from "../../src/extract/record.js";
import { docOf, sentence } from "../helpers.js";

/** Subsidy records of literal text (one document, regional level unless told). */
function subs(text: string, level: "national" | "region" | "city" | "district" = "region") {
  const doc = docOf(text, { policy_level: level });
  return finalize("subsidies", doc, extractSubsidies(doc));
}
const pick = <T extends Record<string, unknown>>(rs: T[], keys: (keyof T)[]) =>
  rs.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe("amount shapes", () => {
  it("fixed one-time award and a funding promise in one item (line 992)", () => {
    const rs = subs(sentence("compilation-992"));
    expect(pick(rs, ["beneficiary", "instrument", "amount_yuan", "frequency"])).toEqual([
      { beneficiary: "首次认定的高新技术企业", instrument: "award", amount_yuan: 300000, frequency: "one_time" },
      { beneficiary: "首次认定的科技领军企业", instrument: "funding", amount_yuan: 3000000, frequency: null },
    ]);
    expect(rs[0]!.responsible_units).toEqual(["自治区科技厅", "财政厅"]);
    expect(rs[0]!.policy_level).toBe("region");
  });

  it("rate of a base with a cap (按照设备投资总额的10%给予最高5000万元补贴)", () => {
    const rs = subs("12. 支持乳制品加工企业发展精深加工，对新建或改扩建生产原制奶酪、乳清、乳铁蛋白等乳制品精深加工项目的企业，按照设备投资总额的 10% 给予最高 5000 万元补贴。");
    expect(pick(rs, ["rate_pct", "rate_base", "amount_max_yuan", "amount_yuan", "instrument"])).toEqual([
      { rate_pct: 10, rate_base: "设备投资总额", amount_max_yuan: 50000000, amount_yuan: null, instrument: "subsidy" },
    ]);
  });

  it("per-unit amounts and a cap that belongs to the clause it follows (line 921)", () => {
    const rs = subs(sentence("compilation-921"));
    expect(pick(rs, ["amount_yuan", "per_unit", "rate_pct", "amount_max_yuan"])).toEqual([
      { amount_yuan: 10, per_unit: "每综合利用1吨", rate_pct: null, amount_max_yuan: null },
      { amount_yuan: null, per_unit: null, rate_pct: 10, amount_max_yuan: 5000000 },
    ]);
  });

  it("per-unit with cap: 每节约1吨标准煤给予200元奖补，单个项目最高奖补500万元", () => {
    const rs = subs(`${sentence("compilation-917")}\n${sentence("compilation-919")}`);
    expect(rs[0]).toMatchObject({ amount_yuan: 200, per_unit: "每节约1吨标准煤", amount_max_yuan: 5000000, instrument: "award" });
    expect(rs.map((r) => r.amount_max_yuan)).toEqual([5000000, 5000000, 5000000]);
  });

  it("range: 10万元—300万元的担保贷款 gives min and max (line 1097)", () => {
    const rs = subs(`${sentence("compilation-1097")}\n${sentence("compilation-1099")}`);
    expect(pick(rs, ["amount_min_yuan", "amount_max_yuan", "instrument"])).toEqual([
      { amount_min_yuan: 100000, amount_max_yuan: 3000000, instrument: "guarantee" },
    ]);
    expect(rs[0]!.responsible_units).toContain("中国人民银行内蒙古自治区分行");
  });

  it("floor: 安排不低于50亿元资金 (line 1055) and 资金300万元以上 (line 907)", () => {
    expect(pick(subs(sentence("compilation-1055")), ["amount_min_yuan", "instrument"])).toEqual([{ amount_min_yuan: 5000000000, instrument: "funding" }]);
    const rs = subs(sentence("compilation-907"));
    expect(pick(rs, ["amount_yuan", "amount_min_yuan"])).toEqual([
      { amount_yuan: 500000, amount_min_yuan: null },
      { amount_yuan: null, amount_min_yuan: 3000000 },
    ]);
  });

  it("multiple: 国家奖金额度的5倍 is rate 500 (line 1117)", () => {
    const rs = subs(`${sentence("compilation-1117")}\n${sentence("compilation-1119")}`);
    expect(pick(rs, ["rate_pct", "rate_base", "instrument"])).toEqual([{ rate_pct: 500, rate_base: "国家奖金额度", instrument: "award" }]);
    expect(rs[0]!.beneficiary).toBe("获得国家科学技术奖的个人、组织");
  });

  it("exact decimals: 4.5万元 is 45000, 0.3元 stays 0.3", () => {
    expect(subs(sentence("compilation-956")).map((r) => r.amount_yuan)).toEqual([40000, 45000]);
    expect(subs(`${sentence("compilation-1020")}\n${sentence("compilation-1022")}`).map((r) => [r.amount_max_yuan, r.per_unit])).toEqual([[0.3, "每单"]]);
  });
});

describe("分别 distribution and shared caps", () => {
  it("I、II、III期 each get their own amount (line 933)", () => {
    const rs = subs(sentence("compilation-933"));
    expect(rs.map((r) => r.amount_yuan ?? r.rate_pct)).toEqual([1000000, 2000000, 3000000, 5]);
    expect(rs.slice(0, 3).map((r) => r.beneficiary)).toEqual([
      "临床试验申办者开展I期临床试验研究并承诺成果转化的",
      "临床试验申办者开展II期临床试验研究并承诺成果转化的",
      "临床试验申办者开展III期临床试验研究并承诺成果转化的",
    ]);
    expect(rs.slice(0, 3).every((r) => r.frequency === "one_time" && r.instrument === "subsidy")).toBe(true);
    expect(rs[3]).toMatchObject({ amount_max_yuan: 2000000, frequency: "annual", instrument: "award" });
  });

  it("a cap sentence written once caps every award before it and gives no record (lines 927–929)", () => {
    const rs = subs(`${sentence("compilation-927")}\n${sentence("compilation-929")}`);
    expect(pick(rs, ["beneficiary", "amount_yuan", "amount_max_yuan"])).toEqual([
      { beneficiary: "主导制定国际标准的企业", amount_yuan: 300000, amount_max_yuan: 500000 },
      { beneficiary: "主导制定国家（行业）标准的企业", amount_yuan: 200000, amount_max_yuan: 500000 },
      { beneficiary: "参与制定国际标准的企业", amount_yuan: 200000, amount_max_yuan: 500000 },
      { beneficiary: "参与制定国家（行业）标准的企业", amount_yuan: 100000, amount_max_yuan: 500000 },
    ]);
  });

  it("several recipient kinds sharing one amount give one record (line 923)", () => {
    const rs = subs(sentence("compilation-923"));
    expect(rs.map((r) => r.amount_yuan)).toEqual([1000000, 500000]);
    expect(rs[0]!.beneficiary).toBe("新认定为国家级绿色园区、绿色工厂、绿色供应链、绿色设计示范企业、能效领跑者、水效领跑者的");
  });

  it("分别 with 和: 国家先进制造业集群和自治区级先进制造业集群 (line 913)", () => {
    const rs = subs(sentence("compilation-913"));
    expect(pick(rs, ["amount_yuan", "amount_max_yuan", "rate_pct", "instrument"])).toEqual([
      { amount_yuan: null, amount_max_yuan: 5000000, rate_pct: 30, instrument: "interest_subsidy" },
      { amount_yuan: 10000000, amount_max_yuan: null, rate_pct: null, instrument: "award" },
      { amount_yuan: 5000000, amount_max_yuan: null, rate_pct: null, instrument: "award" },
    ]);
  });
});

describe("more shapes from the rest of the compilation", () => {
  it("a bounded rate: 给予不低于25%的政府补贴 (line 1696)", () => {
    expect(pick(subs(sentence("compilation-1696")), ["rate_pct", "instrument", "amount_yuan"])).toEqual([{ rate_pct: 25, instrument: "subsidy", amount_yuan: null }]);
  });

  it("按照1%给予资金奖补 without 的 is a rate; units carried by 下同 (lines 1543, 1555)", () => {
    const rs = subs(`${sentence("compilation-1543")}\n${sentence("compilation-1555")}`);
    const rate = rs.find((r) => r.rate_pct === 1);
    expect(rate).toMatchObject({ instrument: "award" });
    expect(rate!.responsible_units).toEqual(["内蒙古自治区税务局", "自治区财政厅", "发展改革委", "市场监管局"]);
  });

  it("units carried by 下同 from an item that pays nothing (its sentence from line 1543, then line 1555)", () => {
    const unpaid = "（十一）落实政府定价经营服务性收费清单制度，确保清单之外无政府定价收费项目。(自治区发展改革委、市场监管局按职责分工负责，下同)";
    const rate = subs(`${unpaid}\n${sentence("compilation-1555")}`).find((r) => r.rate_pct === 1);
    expect(rate!.responsible_units).toEqual(["自治区发展改革委", "市场监管局"]);
  });

  it("an unlabeled unit list closing the item (line 1551)", () => {
    expect(subs(sentence("compilation-1551")).every((r) => r.responsible_units.join("、") === "自治区地方金融监管局、财政厅、内蒙古证监局")).toBe(true);
  });

  it("a cap on its own line caps the sentence before it (lines 2401–2403)", () => {
    const rs = subs(`${sentence("compilation-2401")}\n${sentence("compilation-2403")}`, "city");
    expect(pick(rs, ["amount_yuan", "amount_max_yuan", "frequency"])).toEqual([
      { amount_yuan: 1000000, amount_max_yuan: 2000000, frequency: "one_time" },
      { amount_yuan: 200000, amount_max_yuan: 2000000, frequency: null },
    ]);
  });

  it("a bound written once governs a 分别 list: 分别给予一次性最高500万元、200万元 (line 1672)", () => {
    const rs = subs(sentence("compilation-1672"));
    expect(pick(rs, ["beneficiary", "amount_yuan", "amount_max_yuan"])).toEqual([
      { beneficiary: "新获批的国家级科技成果转移转化示范区", amount_yuan: null, amount_max_yuan: 5000000 },
      { beneficiary: "新获批的自治区级科技成果转移转化示范区", amount_yuan: null, amount_max_yuan: 2000000 },
    ]);
  });

  it("a 分别 list shares its per-unit base (line 1598)", () => {
    const rs = subs(sentence("compilation-1598")).filter((r) => r.frequency === "one_time");
    expect(rs.map((r) => [r.amount_yuan, r.per_unit])).toEqual([
      [6000, "每张床位(含公共设施30平方米)"], [4000, "每张床位(含公共设施30平方米)"], [2000, "每张床位(含公共设施30平方米)"],
    ]);
  });

  it("连续5年 before the first 对 covers every payout of the clause list (line 1664)", () => {
    const rs = subs(sentence("compilation-1664"));
    expect(pick(rs, ["beneficiary", "amount_min_yuan", "frequency", "years"])).toEqual([
      { beneficiary: "国家技术创新中心", amount_min_yuan: 30000000, frequency: "multi_year", years: 5 },
      { beneficiary: "重点实验室和工程研究中心、制造业创新中心", amount_min_yuan: 10000000, frequency: "multi_year", years: 5 },
      { beneficiary: "野外科学观测研究站", amount_min_yuan: 1000000, frequency: "multi_year", years: 5 },
    ]);
  });

  it("a condition written once after a 分别 list is shared: 博士后、博士、“双一流”硕士在…购买住房的 (line 2268)", () => {
    const rs = subs(sentence("compilation-2268"), "city").filter((r) => r.amount_yuan);
    expect(rs.map((r) => [r.beneficiary, r.amount_yuan])).toEqual([
      ["博士后在赤峰市规划区域内购买住房的", 400000],
      ["博士在赤峰市规划区域内购买住房的", 300000],
      ["“双一流”硕士在赤峰市规划区域内购买住房的", 150000],
    ]);
  });

  it("同时…为基数 continues the recipient of the sentence before (line 2399)", () => {
    const rs = subs(sentence("compilation-2399"), "city");
    expect(rs[1]!.beneficiary).toBe("年屠宰量在15万只-50万只（含15万只）的市内肉羊屠宰企业，屠宰且进行精深加工市内育肥羊的（以上年度屠宰加工数量为基数）");
    expect(rs.map((r) => r.amount_max_yuan)).toEqual([1000000, 1000000]);
  });

  it("a budget floor: 设立不低于1亿元的…风险分担资金 (line 1981)", () => {
    expect(pick(subs(sentence("compilation-1981")), ["amount_min_yuan", "instrument"])).toEqual([{ amount_min_yuan: 100000000, instrument: "funding" }]);
  });

  it("two payouts joined by 和 go to the same recipient (line 2219)", () => {
    const rs = subs(sentence("compilation-2219"), "city");
    expect(pick(rs, ["beneficiary", "amount_yuan", "frequency", "policy_level"])).toEqual([
      { beneficiary: "经考核合格的乡土人才", amount_yuan: 5000, frequency: "one_time", policy_level: "city" },
      { beneficiary: "经考核合格的乡土人才", amount_yuan: 1000, frequency: null, policy_level: "city" },
    ]);
  });

  it("分别给予 A类、B类人才生活补贴 20万元/年、10万元/年: recipients after 分别给予, annual from the unit", () => {
    const rs = subs("并分别给予 A 类、B 类人才生活补贴 20 万元/年、10 万元/年。", "city");
    expect(pick(rs, ["beneficiary", "amount_yuan", "frequency"])).toEqual([
      { beneficiary: "A类人才", amount_yuan: 200000, frequency: "annual" },
      { beneficiary: "B类人才", amount_yuan: 100000, frequency: "annual" },
    ]);
  });

  it("a class named alone belongs to the recipient named before it (lines 955–956, 1057)", () => {
    expect(subs(sentence("compilation-956")).map((r) => r.beneficiary)).toEqual([
      "购买符合相关技术要求的新能源巡游出租汽车（充电车）",
      "购买符合相关技术要求的新能源巡游出租汽车（换电车）",
    ]);
    expect(subs(sentence("compilation-1057")).map((r) => r.beneficiary)).toEqual([
      "列入国家普惠养老城企联动专项行动的项目（居家社区型和医养结合型）",
      "列入国家普惠养老城企联动专项行动的项目（旅居型）",
    ]);
  });

  it("a shared qualifier in a 分别 list: 绩效评价优秀的众创空间、孵化器 (line 1557)", () => {
    const rs = subs(sentence("compilation-1557")).filter((r) => r.amount_yuan === 400000 || r.amount_yuan === 500000 && r.beneficiary.includes("孵化器"));
    expect(rs.map((r) => r.beneficiary)).toEqual(["绩效评价优秀的众创空间", "绩效评价优秀的孵化器"]);
  });

  it("中央和自治区分别承担45%和30%的保险费补贴: the list names payers, the insurance is the beneficiary (line 1101)", () => {
    const rs = subs(sentence("compilation-1101"));
    expect(pick(rs, ["rate_pct", "instrument", "beneficiary"])).toEqual([
      { rate_pct: 45, instrument: "subsidy", beneficiary: "产粮大县实施三大粮食作物完全成本保险或种植收入保险（中央承担部分）" },
      { rate_pct: 30, instrument: "subsidy", beneficiary: "产粮大县实施三大粮食作物完全成本保险或种植收入保险（自治区承担部分）" },
    ]);
  });

  it("a cap on the sum of two awards (两项合计, 可同时享受) caps the award of each sibling item and gives no record (lines 1636–1640)", () => {
    const rs = subs([sentence("compilation-1636"), sentence("compilation-1638"), sentence("compilation-1640")].join("\n\n"));
    // each record stands on its own rate's line (1, 3), not on the shared cap's (5)
    expect(pick(rs, ["rate_pct", "amount_max_yuan", "instrument", "source_line"])).toEqual([
      { rate_pct: 1, amount_max_yuan: 5000000, instrument: "subsidy", source_line: 1 },
      { rate_pct: 10, amount_max_yuan: 5000000, instrument: "subsidy", source_line: 3 },
    ]);
  });

  it("a per-recipient cap closing an item caps every award of the item, not only the sentence before (line 2397)", () => {
    const rs = subs(sentence("compilation-2397"), "city");
    expect(pick(rs, ["amount_yuan", "amount_max_yuan", "per_unit"])).toEqual([
      { amount_yuan: 100, amount_max_yuan: 10000000, per_unit: "每头牛" },
      { amount_yuan: 200, amount_max_yuan: 10000000, per_unit: "每头牛" },
      { amount_yuan: 300, amount_max_yuan: 10000000, per_unit: "每头牛" },
      { amount_yuan: 1000000, amount_max_yuan: 10000000, per_unit: null },
    ]);
  });

  it("a sentence that gives an award and caps it in its scope clause stays a record (line 1654)", () => {
    const rs = subs(sentence("compilation-1654"));
    expect(pick(rs, ["amount_max_yuan", "frequency"])).toEqual([{ amount_max_yuan: 5000000, frequency: "annual" }]);
  });

  it("beneficiary: 对A，对B给予 names A with B as what is paid on; a basis-only lead takes the item title (lines 1636, 1638)", () => {
    expect(subs(sentence("compilation-1636")).map((r) => r.beneficiary)).toEqual(["企业年度研发费用后补助"]);
    expect(subs(sentence("compilation-1638")).map((r) => r.beneficiary)).toEqual([
      "最近连续两个年度都享受了研发费用加计扣除优惠政策的规模以上工业企业（研发费用增量部分）",
    ]);
  });

  it("beneficiary: 由…人民政府 names the payer; a condition ending in 的 starts with the clause before it (lines 1698–1700)", () => {
    const rs = subs(`${sentence("compilation-1698")}${sentence("compilation-1700")}`);
    expect(pick(rs, ["beneficiary", "amount_min_yuan", "frequency"])).toEqual([{
      beneficiary: "企业每吸纳1名毕业2年以内的自治区籍高校毕业生，签订1年以上劳动合同并按规定缴纳社会保险费的",
      amount_min_yuan: 2000, frequency: "one_time",
    }]);
  });

  it("不予补助 thresholds are no amounts (line 1640)", () => {
    const rs = subs(sentence("compilation-1640"));
    expect(rs.map((r) => r.amount_yuan)).not.toContain(10000);
  });
});

describe("frequency, validity and responsible units", () => {
  it("在3年内被认定 is a condition, not a multi-year term; 5年内按…给予 is one (lines 2229, 1789)", () => {
    expect(subs(sentence("compilation-2229"), "city").map((r) => r.frequency)).toEqual([null]);
    expect(subs(sentence("compilation-1789")).map((r) => [r.frequency, r.years])).toEqual([["multi_year", 5]]);
  });

  it("连续5年每年 is multi_year with years 5 (line 980)", () => {
    const rs = subs(sentence("compilation-980"));
    expect(rs[0]).toMatchObject({ amount_yuan: 10000000, frequency: "multi_year", years: 5 });
    expect(rs.slice(1).every((r) => r.frequency === "one_time")).toBe(true);
  });

  it("500元/月 is monthly, 补贴至2025年 gives valid_to (line 1024)", () => {
    const rs = subs(`${sentence("compilation-1024")}\n${sentence("compilation-1025")}`);
    expect(pick(rs, ["amount_yuan", "frequency", "valid_to"])).toEqual([{ amount_yuan: 500, frequency: "monthly", valid_to: "2025-12-31" }]);
    expect(rs[0]!.responsible_units).toEqual(["内蒙古邮政管理局", "自治区农牧厅（乡村振兴局）", "交通运输厅", "人力资源和社会保障厅", "中国邮政集团有限公司内蒙古分公司"]);
  });

  it("年度运营补贴 is annual; 上一年度 as a base is not (lines 1016, 891)", () => {
    expect(subs(sentence("compilation-1016")).map((r) => r.frequency)).toEqual([null, null, "annual", "annual"]);
    const rs = subs(sentence("compilation-891"));
    expect(pick(rs, ["amount_yuan", "rate_pct", "frequency"])).toEqual([
      { amount_yuan: 200, rate_pct: null, frequency: null },
      { amount_yuan: 1000, rate_pct: 10, frequency: null },
    ]);
    expect(rs[0]!.responsible_units).toEqual(["自治区工业和信息化厅", "农牧厅（乡村振兴局）", "财政厅", "各盟行政公署", "市人民政府"]);
  });
});

describe("tax relief", () => {
  it("counts without a number; a reduced levy keeps its rate; the item's term covers it (line 1135)", () => {
    const rs = subs(sentence("compilation-1135"));
    expect(rs.map((r) => r.instrument)).toEqual(["tax_relief", "tax_relief", "tax_relief"]);
    expect(rs.map((r) => r.rate_pct)).toEqual([null, null, 50]);
    expect(rs[0]!.beneficiary).toBe("年应纳税所得额低于100万元（含100万元）的小型微利企业（免征企业所得税地方分享部分）");
    expect(rs.every((r) => r.valid_from === "2021-01-01" && r.valid_to === "2025-12-31")).toBe(true);
  });

  it("a relief share raised (减除幅度由10%调整为30%) and a tax standard cut to 80% are reliefs with their new rate; the old level is none (line 1543)", () => {
    const rs = subs(sentence("compilation-1543")).filter((r) => r.rate_pct != null);
    expect(pick(rs, ["instrument", "rate_pct", "rate_base"])).toEqual([
      { instrument: "tax_relief", rate_pct: 30, rate_base: "房产税从价计征的减除幅度" },
      { instrument: "tax_relief", rate_pct: 80, rate_base: "现行标准" },
      { instrument: "tax_relief", rate_pct: 50, rate_base: "现行车船税适用税额" },
    ]);
  });

  it("a rate raised outside tax relief stays no record: 价格扣除优惠由7%-10%提高至15%-20% (line 2139)", () => {
    expect(subs(sentence("compilation-2139"), "city")).toEqual([]);
  });

  it("a definition in brackets (（是指…的企业）) is no part of the recipient (line 1708)", () => {
    expect(pick(subs(sentence("compilation-1708")), ["beneficiary", "rate_pct", "instrument"])).toEqual([
      { beneficiary: "设在我区的鼓励类企业", rate_pct: 15, instrument: "tax_relief" },
    ]);
  });

  it("减按15%的税率 (line 621), national level from the document", () => {
    const rs = subs(sentence("compilation-621"), "national");
    expect(pick(rs, ["instrument", "rate_pct", "policy_level", "valid_from", "valid_to"])).toEqual([
      { instrument: "tax_relief", rate_pct: 15, policy_level: "national", valid_from: "2021-01-01", valid_to: "2030-12-31" },
    ]);
  });

  it("免征 then 减半征收 in one clause gives two reliefs with their own conditions", () => {
    const rs = subs("(三十九)一个纳税年度内，居民企业从事技术转让取得的收入，不超过500万元的部分，免征所得税；超过500万元的部分，减半征收所得税。");
    expect(rs.map((r) => r.beneficiary)).toEqual([
      "一个纳税年度内，居民企业从事技术转让取得的收入，不超过500万元的部分（免征所得税）",
      "一个纳税年度内，居民企业从事技术转让取得的收入，不超过500万元的部分，超过500万元的部分（减半征收所得税）",
    ]);
  });

  it("a relief without a subject of its own (超过部分, 第4年至第6年) keeps the subject before it; 自…起 is no condition (line 1656)", () => {
    const rs = subs(sentence("compilation-1656")).filter((r) => r.instrument === "tax_relief");
    expect(rs.map((r) => r.beneficiary)).toEqual([
      "居民企业在纳税年度内技术转让所得不超过500万元的部分（免征企业所得税）",
      "居民企业在纳税年度内技术转让所得不超过500万元的部分，超过部分（减半征收）",
      "区外科技型企业、创新团队和技术成果持有人来我区设立科技型企业的，第1年至第3年（免征企业所得税地方分享部分）",
      "区外科技型企业、创新团队和技术成果持有人来我区设立科技型企业的，第4年至第6年（减半征收）",
    ]);
  });
});

describe("exclusions (must yield nothing)", () => {
  it.each([
    ["fee discount", sentence("compilation-1029")],
    ["procurement price deductions and shares", "（十八）加强政府采购制度建设。提高中小微企业价格扣除优惠比例，对中小微企业采购的货物服务项目，价格扣除优惠由7% - 10% 提高至 15% - 20%，对大中型企业与小微企业组成联合体或大中型企业向小微企业分包的项目，评审优惠幅度由2% - 3% 提高至 5% - 6%。"],
    ["bank credit quota", "更好运用金融手段支持棚户区改造，鼓励开发银行进一步加大对东北地区棚户区改造支持力度，今年安排信贷规模600亿元左右，确保列入改造计划项目建设资金需求。"],
    ["unquantified 给予适当补贴", sentence("compilation-884")],
    ["fee on guarantees is no subsidy", `${sentence("compilation-1547")}\n${sentence("compilation-1549")}`],
    ["a goal amount", "到“十五五”末，全社会研发经费投入力争达到 400 亿元，国内发明专利拥有量达到 3 万件。"],
    ["attracted investment", "力争招商引资到位资金5700亿元以上。"],
  ])("%s", (_name, text) => {
    expect(subs(text)).toEqual([]);
  });

  it("cost-sharing between governments is no rate: 自治区和盟市各承担50%", () => {
    const rs = subs(sentence("compilation-891"));
    expect(rs.some((r) => r.rate_pct === 50)).toBe(false);
  });

  it("condition amounts are no payouts: 投资5亿元及以上, 交易金额超过100万元的", () => {
    const amounts = subs(sentence("compilation-913")).flatMap((r) => [r.amount_yuan, r.amount_max_yuan, r.amount_min_yuan]);
    expect(amounts).not.toContain(500000000);
    // 1004: the 100万元 of "交易金额超过100万元的" is a condition; the other 100万元 is paid
    expect(pick(subs(sentence("compilation-1004")), ["amount_yuan", "amount_max_yuan", "rate_pct"])).toEqual([
      { amount_yuan: 1000000, amount_max_yuan: null, rate_pct: null },
      { amount_yuan: null, amount_max_yuan: 200000, rate_pct: 2 },
    ]);
  });
});

describe("hostile input", () => {
  it("long runs of digits, punctuation and payout words complete", () => {
    const junk = [
      "对".repeat(200000),
      "给予" + "1".repeat(100000) + "万元补贴",
      ("最高不超过，、；" + "9".repeat(30)).repeat(20000),
      ("按照的%".repeat(50000)) + "10%给予补贴",
      "（责任单位：" + "（".repeat(100000),
      ("分别给予1万元、").repeat(10000) + "一次性奖励。",
      // many items sharing combined caps, definitions in brackets, continued reliefs
      "对企业给予10万元补贴。\n两项合计，单个企业最多不超过500万元。\n".repeat(5000),
      "对" + "（是指".repeat(50000) + "企业给予10万元补贴。",
      "对企业免征企业所得税，超过部分减半征收，".repeat(10000) + "。",
      "房产税减除幅度由10%调整为" + "3".repeat(100000) + "%。",
    ];
    for (const j of junk) expect(Array.isArray(subs(j))).toBe(true);
  });
});
