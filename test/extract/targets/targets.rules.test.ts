import { describe, expect, it } from "vitest";
import { comparatorOf } from "../../../src/extract/targets/comparator.js";
import { blockYears, dueYear, timingOf, yearMentions } from "../../../src/extract/targets/year.js";
import { docOf, sentence } from "../../helpers.js";
import { ANNUAL, FYP, OPINION, targets, annual } from "./helpers.js";

const cmp = (text: string, value: string, unit: string | null = null) => {
  const start = text.indexOf(value);
  return comparatorOf({ text, clauseStart: 0, start, end: start + value.length, unit, clauseEnd: text.length }).comparator;
};

describe("comparator phrase table", () => {
  it.each([
    ["地区生产总值增长6%左右", "6%", "approx"],
    ["草原综合植被盖度长期稳定在45%以上", "45%", "gte"],
    ["区域养老服务中心服务覆盖率不低于80%", "80%", "gte"],
    ["支持有条件的旗县至少办好1所优质普通高中", "1所", "gte"],
    ["高速公路突破9000公里", "9000公里", "gt"],
    ["抽水蓄能装机容量超过1.2亿千瓦", "1.2亿千瓦", "gt"],
    ["实现呼乌算力互调时延在2ms以内", "2ms", "lte"],
    ["单个项目补助不超过500万元", "500万元", "lte"],
    ["新能源装机规模达到3.25亿千瓦", "3.25亿千瓦", "eq"],
    ["年碳汇量稳定在1.2亿吨", "1.2亿吨", "eq"],
    ["在产煤矿产能稳定在13亿吨/年左右", "13亿吨/年", "approx"],
  ])("%s → %s", (text, value, expected) => {
    expect(cmp(text, value)).toBe(expected);
  });
  it("a service circle and a latency class are maxima (30分钟…圈, 5ms级)", () => {
    expect(targets(sentence("fyp-399"), FYP).find((r) => r.unit === "分钟")).toMatchObject({ value: 30, comparator: "lte", indicator: expect.stringContaining("公共法律服务圈") });
    expect(targets(sentence("fyp-1727"), FYP).find((r) => r.unit === "分钟")).toMatchObject({ value: 15, comparator: "lte" });
    expect(targets(sentence("fyp-1353"), FYP).find((r) => r.unit === "小时")).toMatchObject({ value: 1, comparator: "lte" });
  });
  it("a comparator after a list of values covers the list: 3000名、5000名左右", () => {
    const rs = targets(sentence("fyp-1281"), FYP);
    expect(rs.map((r) => [r.value, r.comparator, r.basis])).toEqual([[3000, "approx", "annual"], [5000, "approx", "annual"]]);
    // 分别 takes the two programmes named in the clause before
    expect(rs.map((r) => r.indicator)).toEqual([
      expect.stringMatching(/^高校毕业生“三支一扶”计划每年招募/), expect.stringMatching(/^社区民生工作志愿服务计划每年招募/),
    ]);
  });
});

describe("target year", () => {
  it("reads 到2027年, 2030年前, 到二〇三五年, 到“十五五”末, and baselines 较2020年", () => {
    const ys = yearMentions("到2027年，…2030年前碳达峰，到二〇三五年，到“十五五”末，较2020年下降，2024年");
    expect(ys.map((y) => [y.year, y.deadline, y.baseline])).toEqual([
      [2027, true, false], [2030, true, false], [2035, true, false], [2030, true, false], [2020, false, true], [2024, false, false],
    ]);
  });
  it("finds a year where the scan starts looking for it (4 before 年, at 十 or its quote): a digit run, a 十…五 that is no plan name", () => {
    const ys = yearMentions("“十四五”时期末，二〇二五年年底前，20242025年，十三届五中全会，“十五五”规划期末");
    expect(ys.map((y) => [y.year, y.deadline, y.start])).toEqual([[2025, true, 0], [2025, true, 9], [2025, false, 22], [2030, true, 36]]);
  });
  it("a plan's horizon is the default: 2030 for the 十五五 plan, 2025 for the annual plan, none for an opinion", () => {
    expect(timingOf(docOf("x", FYP))).toEqual({ defaultYear: 2030, firstYear: 2026, period: "2026-2030" });
    expect(timingOf(docOf("x", ANNUAL))).toEqual({ defaultYear: 2025, firstYear: 2025, period: "2025" });
    const none = blockYears({}, "支持建设");
    expect(dueYear(none, 0, 2, timingOf(docOf("x", OPINION)))).toEqual({ year: null, past: false });
    const text = "到2027年，A达到1亩。2024年B达到2亩。C达到3亩。";
    const ys = blockYears({}, text);
    const plan = timingOf(docOf("x", FYP));
    expect(dueYear(ys, 0, text.indexOf("1亩"), plan)).toEqual({ year: 2027, past: false });
    expect(dueYear(ys, text.indexOf("2024"), text.indexOf("2亩"), plan)).toEqual({ year: null, past: true });
    expect(dueYear(ys, text.indexOf("C"), text.indexOf("3亩"), plan)).toEqual({ year: 2027, past: false });
  });
  it("blockYears gives each year mention the last clause separator before it (searched separator by separator), as a reading of every character does", () => {
    for (const text of [sentence("fyp-313"), "到2027年，A达到1亩：2024年B达到2亩,C达到3亩。2028年", "2025年2030年"]) {
      const ys = blockYears({}, text);
      expect(ys.mentions.length, text).toBeGreaterThan(0);
      ys.mentions.forEach((y, i) => {
        let sep = -1;
        for (let k = 0; k < y.start; k++) if ("，,：:".includes(text[k]!)) sep = k;
        expect(ys.separatorBefore[i], text).toBe(sep);
      });
    }
  });
  it("到二〇三五年 … 同全国一道基本实现社会主义现代化 is due in 2035", () => {
    const rs = targets(sentence("fyp-313"), FYP);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ target_year: 2035, value: null, value_text: "同全国一道基本实现社会主义现代化", indicator: "社会主义现代化" });
  });
  it("2030年前碳达峰 carries its own year", () => {
    expect(targets(sentence("fyp-465"), FYP)).toEqual([expect.objectContaining({ indicator: "碳达峰", value_text: "2030年前碳达峰", target_year: 2030 })]);
  });
  it("an opinion's targets need a stated year: 到2027年 in the State Council opinion", () => {
    const rs = targets(sentence("news-33"), OPINION);
    expect(rs.map((r) => [r.indicator, r.value_text, r.comparator, r.target_year])).toEqual([
      ["综合经济实力", "进入全国中等水平", "eq", 2027],
      ["城乡居民收入", "达到全国平均水平", "eq", 2027],
      ["新能源装机规模", "超过火电", "gt", 2027],
    ]);
    // the same value without a year in an opinion is no target
    expect(targets("新能源装机规模达到3.25亿千瓦。", OPINION)).toEqual([]);
  });
  it("in a dated opinion a bare year after publication is a due year, an earlier one a statistic", () => {
    const dated = { date: "2023-10-05" };
    expect(targets("2025年，全区新能源装机规模达到1.35亿千瓦。", dated)).toEqual([expect.objectContaining({ value: 1.35, target_year: 2025 })]);
    expect(targets("2022年，全区新能源装机规模达到0.6亿千瓦。", dated)).toEqual([]);
  });
  it("a deadline earlier in the paragraph governs the sentences after it", () => {
    const rs = targets(sentence("fyp-1355"), FYP);
    expect(rs.find((r) => r.value === 23.5)).toMatchObject({ target_year: 2030, indicator: "全区公路通车里程" });
    expect(targets("到2027年，全区公路通车里程达到23万公里。高速公路突破8000公里。", OPINION).map((r) => r.target_year)).toEqual([2027, 2027]);
  });
  it("年均 in one clause does not make a share reached in the next an average (…年均增长，…比重达到13%)", () => {
    const rs = targets("到2020年，全市物流业增加值年均增长8%左右，物流业增加值占全市GDP比重达到13%。", OPINION);
    expect(rs.map((r) => [r.value, r.basis])).toEqual([[8, "average_annual"], [13, "level"]]);
  });
  it("dash bullets under a goal paragraph take its deadline (an opinion's 总体目标。到2020年 … ——…达到13%)", () => {
    // a Dalian opinion (corpus/wild): the year is written once, in the paragraph the bullets follow
    const text = [
      "（二）总体目标。到2020年，基本形成布局合理、技术先进、便捷高效、绿色环保、安全有序的现代物流综合服务体系,初步建成东北亚国际物流中心。",
      "——物流企业竞争力显著增强。一体化运作、网络化经营能力进一步提高。",
      "——物流整体运行效率显著提高。全市社会物流总费用与GDP的比率降低到15%左右，物流业对我市及服务区域的经济支撑和保障能力进一步增强。",
      "二、主要任务",
      "——全市快递业务量达到5亿件。",
    ].join("\n");
    const rs = targets(text, OPINION);
    expect(rs.map((r) => [r.indicator, r.value, r.unit, r.comparator, r.target_year])).toEqual([["全市社会物流总费用与GDP的比率", 15, "%", "approx", 2020]]);
  });
});

describe("basis", () => {
  it("年均 → average_annual (外贸进出口额年均增速高于全国年均增速)", () => {
    expect(targets(sentence("fyp-937"), FYP)).toEqual([expect.objectContaining({ basis: "average_annual", comparator: "gt", value_text: "高于全国年均增速" })]);
  });
  it("累计 → cumulative; 每年 → annual; a goal verb → level; a count done over the plan → cumulative", () => {
    expect(targets(sentence("fyp-1719"), FYP).find((r) => r.value === 90)).toMatchObject({ basis: "cumulative", unit: "万人次" });
    expect(targets(sentence("fyp-1683"), FYP).map((r) => [r.value, r.unit, r.basis])).toEqual([[10, "部", "annual"], [50, "部", "annual"]]);
    expect(targets(sentence("fyp-683"), FYP).find((r) => r.value === 3.25)).toMatchObject({ basis: "level", indicator: "新能源装机规模" });
    expect(targets(sentence("fyp-793"), FYP).find((r) => r.value === 9000)).toMatchObject({ basis: "cumulative", comparator: "gte" });
  });
  it("in an annual plan, growth and new additions are yearly figures", () => {
    const rs = targets(sentence("annual-21"), ANNUAL);
    expect(rs.find((r) => r.indicator === "地区生产总值增长")).toMatchObject({ value: 6, comparator: "approx", basis: "annual", target_year: 2025 });
    expect(rs.find((r) => r.indicator === "城镇新增就业")).toMatchObject({ value: 18, unit: "万人", comparator: "gte", basis: "annual" });
    expect(rs.find((r) => r.indicator === "城镇调查失业率")).toMatchObject({ value: 5.5, basis: "level" });
  });
  it("a reduction against a base year is cumulative (较2020年下降12%和13%), one record per subject", () => {
    const rs = targets(sentence("annual-121"), ANNUAL).filter((r) => r.unit === "%" && r.basis === "cumulative");
    expect(rs.map((r) => [r.value, r.indicator])).toEqual([
      [12, "万元国内生产总值用水量较2020年下降"], [13, "万元工业增加值用水量较2020年下降"],
    ]);
  });
});

describe("basis in an annual plan (held-out 004)", () => {
  const basisOf = (line: number, value: number) => targets(annual(line), ANNUAL).find((r) => r.value === value)?.basis;
  it("amounts started, approved or promoted within the year are yearly figures (开工, 新核准, 推广)", () => {
    expect(basisOf(71, 1000)).toBe("annual"); // 开工新型储能装机1000万千瓦
    expect(basisOf(35, 3000)).toBe("annual"); // 国家新核准煤矿项目3000万吨以上
    expect(basisOf(39, 600)).toBe("annual"); // 推广肉牛良种冻精600万剂
  });
  it("a total over a five-year plan's period is cumulative (完成“十四五”期间…52.02万亩)", () => {
    expect(basisOf(123, 52.02)).toBe("cumulative");
  });
  it("a level reached stays a level (粮食产量稳定在800亿斤以上)", () => {
    expect(basisOf(39, 800)).toBe("level");
  });
});

describe("dashBullet: what /^\\s*(?:——|—|－－|--)/ finds, by code unit", () => {
  it("agrees with the pattern on every line of the seeds and the test corpus, and on the dashes and spaces it names", async () => {
    const { dashBullet } = await import("../../../src/extract/targets/year.js");
    const { readdirSync } = await import("node:fs");
    const { SEEDS, seedText } = await import("../../helpers.js");
    const corpus = (await import("../../corpus/sentences.json", { with: { type: "json" } })).default as Record<string, { text: string }>;
    const re = /^\s*(?:——|—|－－|--)/;
    const lines = [
      ...readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).flatMap((f) => seedText(f).split("\n")),
      ...Object.values(corpus).map((s) => s.text),
      "——物流业总体规模进一步扩大。", "—物流", " \u3000－－物流", "--物流", "-物流", "－物流", "\u00a0—", "", "   ", "－-物流", "-－物流",
    ];
    let bullets = 0;
    for (const l of lines) { expect(dashBullet(l), l).toBe(re.test(l)); if (re.test(l)) bullets++; }
    expect(bullets).toBeGreaterThan(5);
  });
});
