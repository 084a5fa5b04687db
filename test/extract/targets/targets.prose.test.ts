import { describe, expect, it } from "vitest";
import { extractTargets } from "../../../src/extract/targets.js";
import { splitParallel } from "../../../src/extract/targets/qualitative.js";
import { distribute, sharedRateIndicators } from "../../../src/extract/targets/prose.js";
import { docOf, sentence } from "../../helpers.js";
import { ANNUAL, FYP, targets, annual, fyp } from "./helpers.js";

describe("prose targets: one record per indicator value", () => {
  it("肉奶产量稳定在60亿斤、160亿斤以上 gives two records, 以上 covering both", () => {
    const rs = targets("力争全年肉奶产量稳定在60亿斤、160亿斤以上。", ANNUAL);
    expect(rs.map((r) => [r.indicator, r.value, r.unit, r.comparator])).toEqual([
      ["全年肉奶产量", 60, "亿斤", "gte"], ["全年肉奶产量", 160, "亿斤", "gte"],
    ]);
  });
  it("基本养老、医疗保险参保率…95%以上 gives one record per rate", () => {
    const rs = targets(sentence("annual-157"), ANNUAL).filter((r) => r.value === 95);
    expect(rs.map((r) => [r.indicator, r.comparator])).toEqual([["基本养老参保率", "gte"], ["医疗保险参保率", "gte"]]);
    expect(sharedRateIndicators("全民参保、基本养老、医疗保险参保率")).toEqual(["基本养老参保率", "医疗保险参保率"]);
    expect(sharedRateIndicators("电解铝、山羊绒等产品占比")).toEqual(["电解铝、山羊绒等产品占比"]);
  });
  it("5ms/15ms/20ms级 distributes the three hubs, each lte", () => {
    const rs = targets(sentence("fyp-1461"), FYP);
    expect(rs.map((r) => [r.value, r.unit, r.comparator])).toEqual([[5, "ms", "lte"], [15, "ms", "lte"], [20, "ms", "lte"]]);
    expect(rs.map((r) => r.indicator)).toEqual([
      expect.stringContaining("京津冀国家枢纽"), expect.stringContaining("长三角国家枢纽"), expect.stringContaining("粤港澳国家枢纽"),
    ]);
    expect(distribute("构建至京津冀、长三角、粤港澳等国家枢纽的", 3, 1)).toBe("构建至长三角国家枢纽");
  });
  it("two sentences of one paragraph: 新能源装机 and the line's other values, indicators in the source's words", () => {
    expect(targets(sentence("fyp-675"), FYP).map((r) => [r.indicator, r.value, r.unit])).toEqual([
      ["原油产量", 360, "万吨"], ["天然气产量", 320, "亿立方米"],
    ]);
    expect(targets(sentence("fyp-697"), FYP).filter((r) => r.value !== null).map((r) => [r.indicator, r.value])).toEqual([
      ["新能源本地消纳规模", 3200], ["外送电量", 2000],
    ]);
  });
  it("the indicator drops an enumeration of members and a long attributive clause", () => {
    expect(targets(sentence("fyp-821"), FYP).find((r) => r.value === 30)).toMatchObject({ indicator: "培育优质高产新品种", comparator: "gte", basis: "cumulative" });
  });
  it("a noun written after the value is the indicator (发现100处以上找矿靶区、20处以上…矿产地)", () => {
    expect(targets(sentence("fyp-737"), FYP).map((r) => [r.value, r.comparator, r.indicator])).toEqual([
      [100, "gte", "发现找矿靶区"], [20, "gte", "可供进一步工作的矿产地"], [50, "gte", "全区大中型矿山比例"],
    ].filter((x) => sentence("fyp-737").includes(String(x[0]))));
  });
  it("a task without a subject in a box item is named after the item heading", () => {
    const text = "专栏3 “三北”工程攻坚战\n（一）黄河“几字弯”攻坚战\n到“十五五”末，规划完成生态建设任务7463万亩。";
    const [r] = extractTargets(docOf(text, FYP)).map((d) => d.fields);
    expect(r).toMatchObject({ indicator: "黄河“几字弯”攻坚战生态建设任务", value: 7463, unit: "万亩", basis: "cumulative", target_year: 2030 });
  });
  it("every record carries the region, the period and a source line at its value", () => {
    const rs = extractTargets(docOf(`第一行\n${sentence("fyp-683")}`, FYP));
    expect(rs.length).toBeGreaterThan(0);
    for (const d of rs) expect(d.fields).toMatchObject({ region: "内蒙古自治区", period: "2026-2030" });
  });
});

describe("qualitative targets", () => {
  it.each([
    [1517, "全覆盖", "eq"],
    [1717, "动态清零", "eq"],
    [889, "不发生", "eq"],
    [1631, "Ⅱ类水质", "eq"],
    [557, "基本消除", "eq"],
    [497, "达到国家要求", "eq"],
    [1733, "稳居全国上游", "eq"],
    [937, "高于全国年均增速", "gt"],
  ])("line %i: %s", (n, value, comparator) => {
    const r = targets(fyp(n), FYP).find((x) => x.value === null)!;
    expect(r).toMatchObject({ value: null, unit: null, value_text: value, comparator, target_year: 2030 });
  });
  it("parallel indicators: 奶产量和乳制品产量稳定在全国首位 gives two", () => {
    expect(targets(sentence("fyp-811"), FYP).filter((r) => r.value === null).map((r) => [r.indicator, r.value_text])).toEqual([
      ["奶产量", "全国首位"], ["乳制品产量", "全国首位"],
    ]);
  });
  it("a 、 list distributes its first item's prefix (重卡车辆规模、运量、运输里程全国领先)", () => {
    expect(splitParallel("大宗货运领域自动驾驶重卡车辆规模、运量、运输里程")).toEqual([
      "大宗货运领域自动驾驶重卡车辆规模", "大宗货运领域自动驾驶重卡运量", "大宗货运领域自动驾驶重卡运输里程",
    ]);
    expect(splitParallel("自治区本级和盟市零基预算")).toEqual(["自治区本级和盟市零基预算"]);
    expect(targets(sentence("fyp-1069"), FYP).filter((r) => r.value === null)).toHaveLength(3);
  });
  it("和 between two indicators with one head: a modifier written once is carried (绿色生产方式和生活方式), none is invented (奶产量和乳制品产量)", () => {
    expect(splitParallel("绿色生产方式和生活方式")).toEqual(["绿色生产方式", "绿色生活方式"]);
    expect(splitParallel("奶产量和乳制品产量")).toEqual(["奶产量", "乳制品产量"]);
  });
  it("a milestone with its deadline in the sentence: 到“十五五”末，…产业集群初步形成", () => {
    expect(targets(sentence("fyp-903"), FYP).find((r) => r.value === null)).toMatchObject({ value_text: "初步形成", target_year: 2030 });
  });
  it("coverage of a whole class with a percentage of another: 所有盟市和50%旗县（市、区）建立妇女儿童活动中心", () => {
    const rs = targets(sentence("fyp-1873"), FYP);
    expect(rs.find((r) => r.value === null)).toMatchObject({ value_text: "所有盟市", indicator: "建立妇女儿童活动中心", comparator: "eq" });
    expect(rs.find((r) => r.value === 50)).toMatchObject({ unit: "%", indicator: expect.stringContaining("旗县（市、区）建立妇女儿童活动中心") });
  });
  it("下达 is no goal verb: 确保完成“十四五”期间国家下达的13种…找矿任务", () => {
    expect(targets(sentence("annual-35"), ANNUAL).find((r) => r.value === 13)!.indicator).toContain("国家下达");
  });
  it("an annual plan's relation target: 居民收入增长与经济增长基本同步", () => {
    expect(targets(sentence("annual-21"), ANNUAL).find((r) => r.value === null)).toMatchObject({ indicator: "居民收入增长", value_text: "与经济增长基本同步", target_year: 2025 });
  });
});

describe("held-out annual plan (004): qualitative end states", () => {
  it("a rank held (智算规模保持全国第1位) is a target; the quantified item before the 、 is not part of its indicator", () => {
    expect(sentence("annual-71")).toContain("智算规模保持全国第 1 位");
    const rs = targets(sentence("annual-71"), ANNUAL).filter((r) => r.value === null);
    expect(rs).toEqual([expect.objectContaining({ indicator: "智算规模", value_text: "全国第1位", comparator: "eq", target_year: 2025 })]);
  });
  it("a rank reported as a fact (居全国第9位) stays a past result", () => {
    expect(targets("进出口总值居全国第9位。", ANNUAL)).toEqual([]);
  });
  it("a value phrase that closes a quotation (实现盟市与北京合作“全覆盖”)", () => {
    const rs = targets(sentence("annual-145"), ANNUAL).filter((r) => r.value === null);
    expect(rs).toEqual([expect.objectContaining({ indicator: "盟市与北京合作", value_text: "全覆盖", target_year: 2025 })]);
  });
});

describe("held-out annual plan (004): indicators in the source's words", () => {
  const ind = (line: number, value: number) => targets(annual(line), ANNUAL).find((r) => r.value === value)?.indicator;
  it("an object closed by 和 before the value is another item", () => {
    expect(ind(31, 5000)).toBe("完成保交房任务");
    expect(ind(39, 6)).toBe("前置仓");
    expect(ind(65, 3)).toBe("绿色供应链管理企业");
  });
  it("grade codes joined by 、 are one noun (20个以上3A、4A级旅游景区)", () => {
    expect(ind(75, 20)).toBe("在全区新培育3A、4A级旅游景区");
  });
  it("a 、 followed by 力争 opens a new task (…销售途径、力争销售额达到320亿元以上)", () => {
    expect(ind(145, 320)).toBe("销售额");
  });
  it("a 、 inside a quotation does not split the noun; unpaired quotes are dropped", () => {
    expect(ind(161, 400)).toBe("国球进社区、进公园项目");
    expect(ind(91, 97)).toBe("快递进村通达率");
    expect(ind(101, 150)).toBe("全区通办事项");
  });
});

describe("held-out compilation (003): list restatements, brackets, changes against a base year", () => {
  it("打造A、B、C3个集聚区 restates the named list; 通用机场数量达到33个 stays; 起降场(点) keeps its bracket", () => {
    const s = "低空基础设施逐步完善，通用机场数量达到33个、标准化临时起降场(点)达到100个。产业集聚效应初步显现，打造包头低空制造、赤通锡低空应用、乌阿海满低空旅游3个集聚区。";
    const rs = targets(s, { plan_period: [2025, 2027] });
    expect(rs.map((r) => [r.indicator, r.value])).toEqual([["通用机场数量", 33], ["标准化临时起降场(点)", 100]]);
  });
  it("比2020年提高45%左右 is a period total (cumulative)", () => {
    const rs = targets("到2030年，大宗固体废弃物年利用量达到45亿吨左右，主要资源产出率比2020年提高45%左右。", {});
    expect(rs.find((r) => r.unit === "%")).toMatchObject({ value: 45, comparator: "approx", target_year: 2030, basis: "cumulative" });
    expect(rs.find((r) => r.unit === "亿吨")).toMatchObject({ basis: "level", target_year: 2030 });
  });
});
