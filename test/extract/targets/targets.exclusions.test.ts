import { describe, expect, it } from "vitest";
import { sentence } from "../../helpers.js";
import { ANNUAL, FYP, OPINION, targets, fyp } from "./helpers.js";

/** A line of the plan's review of past results, under its own heading. */
const review = (n: number) => targets(`第一节 发展成就\n${fyp(n)}`, FYP);

describe("past results and statistics are not targets", () => {
  // 第一节 发展成就 of the 15th five-year plan: every number there is a result of the 14th plan
  it.each([251, 253, 255, 257, 259, 261])("发展成就 line %i yields nothing", (n) => {
    expect(fyp(n).length).toBeGreaterThan(20);
    expect(review(n)).toEqual([]);
  });
  it("the review's own sentences are recognised as results even inside a target-shaped clause (地区生产总值达到2.67万亿元)", () => {
    expect(sentence("fyp-251")).toContain("地区生产总值达到 2.67 万亿元");
    expect(review(251)).toEqual([]);
  });
  it("a year before the plan's horizon marks a statistic: 2024年2727万千瓦新能源项目全部投产 in the 2025 plan", () => {
    expect(sentence("annual-29")).toContain("2024 年 2727 万千瓦新能源项目全部投产");
    expect(targets(sentence("annual-29"), ANNUAL).find((r) => r.value === 2727)).toBeUndefined();
    expect(targets("2024年全区地区生产总值增长6.5%。", ANNUAL)).toEqual([]);
  });
  it("a past year inside a later clause dates that clause only: the 2025 goals after it stay (1500万千瓦, 140万亩)", () => {
    const rs = targets(sentence("annual-29"), ANNUAL);
    expect(rs.find((r) => r.value === 1500)).toMatchObject({ indicator: "新建新能源装机", unit: "万千瓦", target_year: 2025, basis: "annual" });
    expect(rs.find((r) => r.value === 140)).toMatchObject({ indicator: "完成沙化土地治理", unit: "万亩", target_year: 2025 });
    // a past year opening the sentence dates all its clauses
    expect(targets("2024年，全区地区生产总值增长5.8%，新建高标准农田600万亩。", ANNUAL)).toEqual([]);
  });
  it.each([
    "全区粮食产量比上年增长3.2%。",
    "规模以上工业增加值同比增长7.1%。",
    "全区已建成5G基站3.5万个。",
    "陆路口岸货运量居全国第一，进出口总值居全国第9位。",
  ])("a result marker: %s", (s) => {
    expect(targets(s, FYP)).toEqual([]);
  });
  it("an opinion without a year states no target: 支持…给予补助", () => {
    expect(targets("单个项目补助不超过500万元。对新认定的国家级企业技术中心给予100万元奖励。", OPINION)).toEqual([]);
  });
});

describe("thresholds, names, designations and restated lists are not targets", () => {
  it("城区人口10万以上旗县 is a condition; the 80% in the same sentence is the target", () => {
    const rs = targets(sentence("fyp-1355"), FYP);
    expect(rs.find((r) => r.value === 10)).toBeUndefined();
    expect(rs.find((r) => r.value === 80)).toMatchObject({ unit: "%", comparator: "eq" });
    expect(rs.find((r) => r.value === null && r.value_text.includes("城区人口10万以上"))).toMatchObject({ comparator: "eq" });
  });
  it("a count restating a list of named projects: 包头市、通辽市、赤峰市3个千亿级有色金属产业基地", () => {
    expect(targets(sentence("fyp-967"), FYP)).toEqual([]);
  });
  it("…2个国家级整区域试点 restates its list; 力争建成高标准农田9000万亩以上 is the target", () => {
    expect(targets(sentence("fyp-793"), FYP).map((r) => r.value)).toEqual([9000]);
  });
  it("three named key projects counted after their list (…综合治理3个重点项目)", () => {
    expect(targets(sentence("fyp-417"), FYP).map((r) => r.value)).toEqual([7463]);
  });
  it("a count of a list of brands that are not projects is a target: 5个区域品牌", () => {
    expect(targets(sentence("fyp-849"), FYP).map((r) => [r.value, r.unit, r.indicator])).toEqual([[5, "个", "培育区域品牌"], [7000, "亿元", "农牧业品牌总价值"]]);
  });
  it.each([
    [885, 30, "再延长30年 is a policy term"],
    [1367, 250, "时速250公里 is a line's speed"],
    [1401, 500, "500千伏 is a voltage class"],
    [1857, 3, "3岁以下婴幼儿 is an age band"],
    [1861, 0, "0—6岁育幼服务资源 is an age band"],
    [1819, 3, "东、中、西部3个…中心 restates its list"],
  ])("line %i: no record of %d (%s)", (n, value) => {
    expect(fyp(n)).toMatch(new RegExp(`(?<![\\d.])${value}\\s?\\D`));
    expect(targets(fyp(n), FYP).filter((r) => r.value === value)).toEqual([]);
  });
  it("line 1255: “一院士一方案” is a slogan (a bare Chinese numeral needs a scale word)", () => {
    expect(sentence("fyp-1255")).toContain("一院士一方案");
    expect(targets(sentence("fyp-1255"), FYP).filter((r) => r.unit === "方")).toEqual([]);
  });
  it("万名专家下基层活动 is an activity's name, 3000名、5000名左右 the targets", () => {
    expect(targets(sentence("fyp-1281"), FYP).map((r) => r.value)).toEqual([3000, 5000]);
  });
  it("“奶33条” is a policy's name", () => {
    expect(targets(sentence("annual-39"), ANNUAL).find((r) => r.value === 33)).toBeUndefined();
  });
  it("a heading names a topic: 专栏12 种业振兴", () => {
    expect(targets("专栏12 种业振兴", FYP)).toEqual([]);
  });
});

describe("direction only and slogans are not targets", () => {
  it("持续提升 / 明显提高 without a value", () => {
    expect(targets(sentence("fyp-303"), FYP)).toEqual([]);
  });
  it("a rank used as an attribute is a slogan: 建成…全球领先的稀土应用基地, 建设全国领先牛羊种源基地", () => {
    expect(targets(sentence("fyp-733"), FYP).filter((r) => r.value === null)).toEqual([]);
    expect(targets(sentence("fyp-825"), FYP).filter((r) => r.value === null)).toEqual([]);
  });
  it("a milestone verb without a deadline in its sentence is direction: 绿色生产生活方式基本形成", () => {
    expect(targets(sentence("fyp-309"), FYP).map((r) => r.value_text)).toEqual(["如期实现"]);
  });
});

describe("allocations and counts of given items are not targets (held-out 004)", () => {
  it("资金10%用于“以工代赈” assigns money to a use", () => {
    expect(sentence("annual-137")).toContain("资金 10%用于“以工代赈”");
    expect(targets(sentence("annual-137"), ANNUAL).find((r) => r.value === 10)).toBeUndefined();
  });
  it("加快4个新型焦化一体化基地建设进度 counts given bases whose progress is pushed", () => {
    expect(targets("加快 4 个新型焦化一体化基地建设进度，全力推进乌海及周边地区焦化行业产业升级和超低排放改造。", ANNUAL)).toEqual([]);
  });
  it("推进营商环境4.0方案160项重点任务落实 counts a plan's tasks", () => {
    expect(targets(sentence("annual-109"), ANNUAL).find((r) => r.value === 160)).toBeUndefined();
  });
  it("a goal count in the same shape without a progress word stays: 新建高标准农田850万亩", () => {
    expect(targets("新建高标准农田 850 万亩。", ANNUAL)).toEqual([expect.objectContaining({ value: 850, unit: "万亩", target_year: 2025 })]);
  });
});

describe("reviews of the past year in annual plans and work reports", () => {
  it("a section reporting how last year's plan was carried out (…计划执行情况) holds results only", () => {
    const text = "一、2024年国民经济和社会发展计划执行情况\n全区地区生产总值增长5.8%，新建高标准农田600万亩。\n二、2025年经济社会发展的主要目标\n地区生产总值增长6%左右。";
    expect(targets(text, ANNUAL).map((r) => [r.value, r.target_year])).toEqual([[6, 2025]]);
  });
  it("过去一年/一年来 in a clause mark a result", () => {
    expect(targets("过去一年，全区粮食产量达到800亿斤。", ANNUAL)).toEqual([]);
  });
});

describe("a plan's deadline before its own first year is past", () => {
  it("到“十四五”末 in the 15th five-year plan states a result; in an opinion of 2020, 到2020年 is still due", () => {
    expect(targets("到“十四五”末，全区新能源装机规模达到1.35亿千瓦。", FYP)).toEqual([]);
    expect(targets("到“十五五”末，全区新能源装机规模达到3.25亿千瓦。", FYP)).toEqual([expect.objectContaining({ value: 3.25, target_year: 2030 })]);
    expect(targets("有序扩大中心城市学位供给，到2020年基本消除大班额。", { date: "2020-06-23" })).toEqual([
      expect.objectContaining({ indicator: "大班额", value_text: "基本消除", target_year: 2020 }),
    ]);
  });
});

describe("a value inside a 对/凡 condition clause names who a rule applies to", () => {
  it("对月销售额…的小规模纳税人 and 凡…的企业 set no value", () => {
    expect(targets("到2025年，对月销售额2万元至3万元的小规模纳税人免征增值税。", ANNUAL)).toEqual([]);
    expect(targets("到2025年，凡年营业收入500万元以上的企业纳入统计。", ANNUAL)).toEqual([]);
  });
});
