import { describe, expect, it } from "vitest";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { finalize } from "../../src/extract/record.js";
import { docOf, SEED, seedLine } from "../helpers.js";

/** Subsidy records of literal text (one document, regional level unless told). */
function subs(text: string, level: "national" | "region" | "city" | "district" = "region") {
  const doc = docOf(text, { policy_level: level });
  return finalize("subsidies", doc, extractSubsidies(doc));
}
const line = (n: number) => seedLine(SEED.compilation, n);
const pick = <T extends Record<string, unknown>>(rs: T[], keys: (keyof T)[]) =>
  rs.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe("amount shapes", () => {
  it("fixed one-time award and a funding promise in one item (line 992)", () => {
    const rs = subs(line(992));
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
    const rs = subs(line(921));
    expect(pick(rs, ["amount_yuan", "per_unit", "rate_pct", "amount_max_yuan"])).toEqual([
      { amount_yuan: 10, per_unit: "每综合利用1吨", rate_pct: null, amount_max_yuan: null },
      { amount_yuan: null, per_unit: null, rate_pct: 10, amount_max_yuan: 5000000 },
    ]);
  });

  it("per-unit with cap: 每节约1吨标准煤给予200元奖补，单个项目最高奖补500万元", () => {
    const rs = subs(`${line(917)}\n${line(919)}`);
    expect(rs[0]).toMatchObject({ amount_yuan: 200, per_unit: "每节约1吨标准煤", amount_max_yuan: 5000000, instrument: "award" });
    expect(rs.map((r) => r.amount_max_yuan)).toEqual([5000000, 5000000, 5000000]);
  });

  it("range: 10万元—300万元的担保贷款 gives min and max (line 1097)", () => {
    const rs = subs(`${line(1097)}\n${line(1099)}`);
    expect(pick(rs, ["amount_min_yuan", "amount_max_yuan", "instrument"])).toEqual([
      { amount_min_yuan: 100000, amount_max_yuan: 3000000, instrument: "guarantee" },
    ]);
    expect(rs[0]!.responsible_units).toContain("中国人民银行内蒙古自治区分行");
  });

  it("floor: 安排不低于50亿元资金 (line 1055) and 资金300万元以上 (line 907)", () => {
    expect(pick(subs(line(1055)), ["amount_min_yuan", "instrument"])).toEqual([{ amount_min_yuan: 5000000000, instrument: "funding" }]);
    const rs = subs(line(907));
    expect(pick(rs, ["amount_yuan", "amount_min_yuan"])).toEqual([
      { amount_yuan: 500000, amount_min_yuan: null },
      { amount_yuan: null, amount_min_yuan: 3000000 },
    ]);
  });

  it("multiple: 国家奖金额度的5倍 is rate 500 (line 1117)", () => {
    const rs = subs(`${line(1117)}\n${line(1119)}`);
    expect(pick(rs, ["rate_pct", "rate_base", "instrument"])).toEqual([{ rate_pct: 500, rate_base: "国家奖金额度", instrument: "award" }]);
    expect(rs[0]!.beneficiary).toBe("获得国家科学技术奖的个人、组织");
  });

  it("exact decimals: 4.5万元 is 45000, 0.3元 stays 0.3", () => {
    expect(subs(line(956)).map((r) => r.amount_yuan)).toEqual([40000, 45000]);
    expect(subs(`${line(1020)}\n${line(1022)}`).map((r) => [r.amount_max_yuan, r.per_unit])).toEqual([[0.3, "每单"]]);
  });
});

describe("分别 distribution and shared caps", () => {
  it("I、II、III期 each get their own amount (line 933)", () => {
    const rs = subs(line(933));
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
    const rs = subs(`${line(927)}\n${line(929)}`);
    expect(pick(rs, ["beneficiary", "amount_yuan", "amount_max_yuan"])).toEqual([
      { beneficiary: "主导制定国际标准的企业", amount_yuan: 300000, amount_max_yuan: 500000 },
      { beneficiary: "主导制定国家（行业）标准的企业", amount_yuan: 200000, amount_max_yuan: 500000 },
      { beneficiary: "参与制定国际标准的企业", amount_yuan: 200000, amount_max_yuan: 500000 },
      { beneficiary: "参与制定国家（行业）标准的企业", amount_yuan: 100000, amount_max_yuan: 500000 },
    ]);
  });

  it("several recipient kinds sharing one amount give one record (line 923)", () => {
    const rs = subs(line(923));
    expect(rs.map((r) => r.amount_yuan)).toEqual([1000000, 500000]);
    expect(rs[0]!.beneficiary).toBe("新认定为国家级绿色园区、绿色工厂、绿色供应链、绿色设计示范企业、能效领跑者、水效领跑者的");
  });

  it("分别 with 和: 国家先进制造业集群和自治区级先进制造业集群 (line 913)", () => {
    const rs = subs(line(913));
    expect(pick(rs, ["amount_yuan", "amount_max_yuan", "rate_pct", "instrument"])).toEqual([
      { amount_yuan: null, amount_max_yuan: 5000000, rate_pct: 30, instrument: "interest_subsidy" },
      { amount_yuan: 10000000, amount_max_yuan: null, rate_pct: null, instrument: "award" },
      { amount_yuan: 5000000, amount_max_yuan: null, rate_pct: null, instrument: "award" },
    ]);
  });
});

describe("frequency, validity and responsible units", () => {
  it("连续5年每年 is multi_year with years 5 (line 980)", () => {
    const rs = subs(line(980));
    expect(rs[0]).toMatchObject({ amount_yuan: 10000000, frequency: "multi_year", years: 5 });
    expect(rs.slice(1).every((r) => r.frequency === "one_time")).toBe(true);
  });

  it("500元/月 is monthly, 补贴至2025年 gives valid_to (line 1024)", () => {
    const rs = subs(`${line(1024)}\n${line(1025)}`);
    expect(pick(rs, ["amount_yuan", "frequency", "valid_to"])).toEqual([{ amount_yuan: 500, frequency: "monthly", valid_to: "2025-12-31" }]);
    expect(rs[0]!.responsible_units).toEqual(["内蒙古邮政管理局", "自治区农牧厅（乡村振兴局）", "交通运输厅", "人力资源和社会保障厅", "中国邮政集团有限公司内蒙古分公司"]);
  });

  it("年度运营补贴 is annual; 上一年度 as a base is not (lines 1016, 891)", () => {
    expect(subs(line(1016)).map((r) => r.frequency)).toEqual([null, null, "annual", "annual"]);
    const rs = subs(line(891));
    expect(pick(rs, ["amount_yuan", "rate_pct", "frequency"])).toEqual([
      { amount_yuan: 200, rate_pct: null, frequency: null },
      { amount_yuan: 1000, rate_pct: 10, frequency: null },
    ]);
    expect(rs[0]!.responsible_units).toEqual(["自治区工业和信息化厅", "农牧厅（乡村振兴局）", "财政厅", "各盟行政公署", "市人民政府"]);
  });
});

describe("tax relief", () => {
  it("counts without a number; a reduced levy keeps its rate; the item's term covers it (line 1135)", () => {
    const rs = subs(line(1135));
    expect(rs.map((r) => r.instrument)).toEqual(["tax_relief", "tax_relief", "tax_relief"]);
    expect(rs.map((r) => r.rate_pct)).toEqual([null, null, 50]);
    expect(rs[0]!.beneficiary).toBe("年应纳税所得额低于100万元（含100万元）的小型微利企业（免征企业所得税地方分享部分）");
    expect(rs.every((r) => r.valid_from === "2021-01-01" && r.valid_to === "2025-12-31")).toBe(true);
  });

  it("减按15%的税率 (line 621), national level from the document", () => {
    const rs = subs(line(621), "national");
    expect(pick(rs, ["instrument", "rate_pct", "policy_level", "valid_from", "valid_to"])).toEqual([
      { instrument: "tax_relief", rate_pct: 15, policy_level: "national", valid_from: "2021-01-01", valid_to: "2030-12-31" },
    ]);
  });

  it("免征 then 减半征收 in one clause gives two reliefs with their own conditions", () => {
    const rs = subs("(三十九)一个纳税年度内，居民企业从事技术转让取得的收入，不超过500万元的部分，免征所得税；超过500万元的部分，减半征收所得税。");
    expect(rs.map((r) => r.beneficiary)).toEqual([
      "一个纳税年度内，居民企业从事技术转让取得的收入，不超过500万元的部分（免征所得税）",
      "超过500万元的部分（减半征收所得税）",
    ]);
  });
});

describe("exclusions (must yield nothing)", () => {
  it.each([
    ["fee discount", line(1029)],
    ["procurement price deductions and shares", "（十八）加强政府采购制度建设。提高中小微企业价格扣除优惠比例，对中小微企业采购的货物服务项目，价格扣除优惠由7% - 10% 提高至 15% - 20%，对大中型企业与小微企业组成联合体或大中型企业向小微企业分包的项目，评审优惠幅度由2% - 3% 提高至 5% - 6%。"],
    ["bank credit quota", "更好运用金融手段支持棚户区改造，鼓励开发银行进一步加大对东北地区棚户区改造支持力度，今年安排信贷规模600亿元左右，确保列入改造计划项目建设资金需求。"],
    ["unquantified 给予适当补贴", line(884)],
    ["fee on guarantees is no subsidy", `${line(1547)}\n${line(1549)}`],
    ["a goal amount", "到“十五五”末，全社会研发经费投入力争达到 400 亿元，国内发明专利拥有量达到 3 万件。"],
    ["attracted investment", "力争招商引资到位资金5700亿元以上。"],
  ])("%s", (_name, text) => {
    expect(subs(text)).toEqual([]);
  });

  it("cost-sharing between governments is no rate: 自治区和盟市各承担50%", () => {
    const rs = subs(line(891));
    expect(rs.some((r) => r.rate_pct === 50)).toBe(false);
  });

  it("condition amounts are no payouts: 投资5亿元及以上, 交易金额超过100万元的", () => {
    const amounts = subs(line(913)).flatMap((r) => [r.amount_yuan, r.amount_max_yuan, r.amount_min_yuan]);
    expect(amounts).not.toContain(500000000);
    // 1004: the 100万元 of "交易金额超过100万元的" is a condition; the other 100万元 is paid
    expect(pick(subs(line(1004)), ["amount_yuan", "amount_max_yuan", "rate_pct"])).toEqual([
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
    ];
    for (const j of junk) expect(Array.isArray(subs(j))).toBe(true);
  });
});
