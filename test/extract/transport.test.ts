import { describe, expect, it } from "vitest";
import { extractHighways } from "../../src/extract/highways.js";
import { extractRailways } from "../../src/extract/railways.js";
import { finalize } from "../../src/extract/record.js";
import { docOf, sentence } from "../helpers.js";

/** Records of both types from literal text (real seed sentences), as the build finalises them. */
function run(text: string, info = {}) {
  const doc = docOf(text, info);
  return {
    rail: finalize("railways", doc, extractRailways(doc)),
    road: finalize("highways", doc, extractHighways(doc)),
  };
}
const byName = <T extends { name: string }>(rs: T[], name: string) => {
  const r = rs.find((x) => x.name === name);
  expect(r, `${name} in ${rs.map((x) => x.name).join(" | ")}`).toBeDefined();
  return r!;
};
/** A line of 专栏24 inside its box heading, so the box's conventions apply. */
const inBox = (heading: string, line: string) => `专栏24 综合立体交通网建设\n\n${heading}\n\n${line}`;

describe("stage verbs distributed over lists", () => {
  it("建成 A、B … each item takes the verb before the list (001:1365)", () => {
    const { rail } = run(inBox("（一）高（快）速铁路", sentence("fyp-1365")));
    expect(rail.map((r) => [r.name, r.stage])).toEqual([
      ["包头经鄂尔多斯至榆林高铁", "completed"],
      ["太子城至锡林浩特快速铁路", "completed"],
    ]);
  });

  it("a verb governs until the next verb: 建设 …，新建 …。配合国家建设 … (001:1373)", () => {
    const { rail } = run(inBox("（二）普速铁路和口岸铁路", sentence("fyp-1373")));
    expect(rail.map((r) => [r.name, r.stage])).toEqual([
      ["临河至哈密铁路（内蒙古段）增二线", "building"],
      ["乌兰浩特至阿尔山铁路改造工程", "building"],
      ["富裕至加格达奇铁路改造工程", "building"],
      ["霍林郭勒至阿尔山铁路", "building"],
      ["查干德日斯至巴彦浩特铁路", "building"],
      ["甘其毛都口岸跨境铁路", "other"],
    ]);
  });

  it("建成 A、B。提质升级 C: a new sentence's verb takes over (001:1387)", () => {
    const { road } = run(inBox("（四）普通国省道", sentence("fyp-1387")));
    expect(road).toHaveLength(8);
    expect(road.filter((r) => r.stage === "completed")).toHaveLength(7);
    expect(byName(road, "G109能源运输通道").stage).toBe("building");
  });

  it("积极推进 … 前期工作 wraps the whole list: preparation (001:1383)", () => {
    const { road } = run(inBox("（三）高速公路", sentence("fyp-1383")));
    expect(road.map((r) => r.code)).toEqual(["G0712", "S37", "S33", "S43"]);
    expect(new Set(road.map((r) => r.stage))).toEqual(new Set(["preparation"]));
  });

  it("研究推进 / 研究建设: the preparation verb dominates its cluster (001:1375, 000:55)", () => {
    const { rail } = run(inBox("（二）普速铁路和口岸铁路", sentence("fyp-1375")));
    expect(rail.map((r) => r.stage)).toEqual(["preparation", "preparation"]);
    const prose = run(sentence("news-55")).rail;
    expect(byName(prose, "齐齐哈尔至海拉尔铁路").stage).toBe("preparation");
    expect(byName(prose, "包头经鄂尔多斯至榆林铁路").stage).toBe("building");
  });

  it("开工建设 … 时速250公里 … ，利用滨洲铁路开行 …: start, then other for the service line (001:1367)", () => {
    const { rail } = run(inBox("（一）高（快）速铁路", sentence("fyp-1367")));
    const hb = byName(rail, "呼和浩特至包头铁路时速250公里提速改造工程");
    expect([hb.stage, hb.line_class, hb.speed_kmh, hb.stops]).toEqual(["start", "high_speed", 250, ["呼和浩特", "包头"]]);
    expect(hb.work).toBe("提速改造工程");
    const bz = byName(rail, "滨洲铁路");
    expect([bz.stage, bz.line_class, bz.stops]).toEqual(["other", "conventional", []]);
    expect(rail).toHaveLength(2); // 齐齐哈尔至海拉尔至满洲里动车 is a train service, not a line
  });

  it("annual-plan prose: 建成 / 加快…建设 / 扩能改造 A、B / 争取…开工 (004:91)", () => {
    const { rail, road } = run(sentence("annual-91"), { plan_year: 2025 });
    expect(rail.map((r) => [r.name, r.stage, r.line_class])).toEqual([
      ["包银高铁", "completed", "high_speed"],
      ["太锡铁路", "building", "conventional"],
      ["临哈线", "building", "conventional"],
      ["集二线", "building", "conventional"],
      ["包鄂榆高铁", "start", "high_speed"],
    ]);
    expect(rail.every((r) => r.stops.length === 0)).toBe(true);
    expect(road.map((r) => [r.code, r.stage])).toEqual([["S22", "completed"], ["G0616", "start"], ["G1817", "start"]]);
    expect(byName(road, "G0616海流图至乌拉山段").stops).toEqual(["海流图", "乌拉山"]);
  });
});

describe("stops", () => {
  it("经 chains: 包头经鄂尔多斯至榆林 and 呼和浩特经朔州至太原 (001:1365, 1369)", () => {
    expect(byName(run(sentence("fyp-1365")).rail, "包头经鄂尔多斯至榆林高铁").stops).toEqual(["包头", "鄂尔多斯", "榆林"]);
    const r = run(sentence("fyp-1369")).rail;
    expect(r.map((x) => [x.name, x.stops, x.stage])).toEqual([["呼和浩特经朔州至太原高铁", ["呼和浩特", "朔州", "太原"], "preparation"]]);
  });

  it("the OCR dash 一 between places: 集宁一大同一原平 (002:27), name repaired", () => {
    const { rail, road } = run(sentence("west-27"));
    expect(rail.map((r) => [r.name, r.stops, r.line_class])).toEqual([["集宁—大同—原平高速客运铁路", ["集宁", "大同", "原平"], "high_speed"]]);
    // 包茂高速公路包头至东胜改扩建工程: a section work names its ends; 口岸公路/扶贫公路/旅游公路 are categories
    expect(road.map((r) => [r.name, r.stops, r.road_class, r.work])).toEqual([
      ["包茂高速公路包头至东胜改扩建工程", ["包头", "东胜"], "expressway", "改扩建工程"],
    ]);
  });

  it("words containing 一 are not dashes: 一级 and 一体化 stay inside their names", () => {
    const { road } = run("建成呼和浩特至托克托一级公路，推进京蒙一体化发展。");
    expect(road.map((r) => [r.name, r.stops])).toEqual([["呼和浩特至托克托一级公路", ["呼和浩特", "托克托"]]]);
  });

  it("a port written as a stop is its place: 甘其毛都口岸至塔本陶勒盖跨境铁路", () => {
    const r = run("配合国家建设甘其毛都口岸至塔本陶勒盖跨境铁路。").rail[0]!;
    expect([r.stops, r.line_class, r.stage]).toEqual([["甘其毛都", "塔本陶勒盖"], "port", "other"]);
  });

  it("a section of a line names its ends; a port line its one place (000:55, 000:87)", () => {
    const a = run(sentence("news-55")).rail;
    const lh = byName(a, "临河至哈密铁路临河至额济纳段扩能改造工程");
    expect([lh.stops, lh.segment, lh.work]).toEqual([["临河", "额济纳"], "临河至额济纳段", "扩能改造工程"]);
    const b = run(sentence("news-87")).rail;
    // 甘其毛都、策克等口岸跨境铁路: the head after 等 is carried to every item
    expect(byName(b, "甘其毛都口岸跨境铁路").stops).toEqual(["甘其毛都"]);
    expect(byName(b, "策克口岸跨境铁路").line_class).toBe("port");
    // 以中蒙俄中线铁路为支撑 cites the line and commits nothing; 加快推进中蒙俄中线铁路升级改造可行性研究 is preparation,
    // and the bare work 升级改造 is the sentence's verb: kept as `work`, not in the name
    const zm = b.filter((r) => r.name.startsWith("中蒙俄中线铁路"));
    expect(zm.map((r) => [r.name, r.stage, r.work])).toEqual([["中蒙俄中线铁路", "preparation", "升级改造"]]);
  });
});

describe("section markers are fields, not stops", () => {
  it("（内蒙古段）增二线, 联络线, 过境段, 二期工程", () => {
    const lh = byName(run(sentence("fyp-1373")).rail, "临河至哈密铁路（内蒙古段）增二线");
    expect([lh.stops, lh.segment, lh.region_part, lh.work]).toEqual([["临河", "哈密"], "内蒙古段", "内蒙古", "增二线"]);
    const g1816 = run(sentence("fyp-1379")).road[0]!;
    expect([g1816.name, g1816.stops, g1816.segment]).toEqual(["G1816荣乌高速公路联络线乌海至石嘴山", ["乌海", "石嘴山"], "联络线"]);
    const roads = run(sentence("fyp-1389")).road;
    const g242 = byName(roads, "G242临河过境段");
    expect([g242.stops, g242.segment]).toEqual([["临河"], "过境段"]);
    const g207 = byName(run(sentence("fyp-1387")).road, "G207锡林浩特至巴拉嘎尔高勒至白音华二期工程");
    expect([g207.stops, g207.work]).toEqual([["锡林浩特", "巴拉嘎尔高勒", "白音华"], "二期工程"]);
  });
});

describe("port lines and bracketed sections in prose", () => {
  it("places listed before a port line of one place share its head (满都拉、珠恩嘎达布其口岸铁路); facilities do not", () => {
    const { rail } = run("实施满都拉、珠恩嘎达布其口岸铁路项目，加强口岸基础设施、二连浩特口岸铁路建设。");
    expect(rail.map((r) => [r.name, r.stops, r.line_class])).toEqual([
      ["满都拉口岸铁路", ["满都拉"], "port"],
      ["珠恩嘎达布其口岸铁路", ["珠恩嘎达布其"], "port"],
      ["二连浩特口岸铁路", ["二连浩特"], "port"],
    ]);
  });
  it("a coded road's bracketed section is a segment, not part of its last stop", () => {
    const r = run("续建G1013海拉尔至张家口高速公路（内蒙古段）。").road[0]!;
    expect([r.name, r.stops, r.segment, r.region_part, r.stage]).toEqual([
      "G1013海拉尔至张家口高速公路（内蒙古段）", ["海拉尔", "张家口"], "内蒙古段", "内蒙古", "building",
    ]);
  });
});

describe("connecting lines from several places", () => {
  it("赤峰、通辽与京沈高铁连接线 is one connecting line from each place (003:289)", () => {
    const { rail } = run("铁路方面，加快京沈高铁、哈佳、沈丹、丹大、吉图珲、哈齐、哈牡等快速铁路建设，推进赤峰、通辽与京沈高铁连接线前期工作；贯通东北东部铁路。");
    const links = rail.filter((r) => r.segment === "连接线").map((r) => [r.name, r.stops, r.stage, r.line_class]);
    expect(links).toEqual([
      ["赤峰与京沈高铁连接线", ["赤峰"], "preparation", "high_speed"],
      ["通辽与京沈高铁连接线", ["通辽"], "preparation", "high_speed"],
    ]);
    // the line the connectors join is its own record, staged by its own verb
    expect(byName(rail, "京沈高铁").stage).toBe("building");
  });
  it("a connector with no places before 与 stays one line", () => {
    expect(run("推进与京沈高铁连接线前期工作。").rail.map((r) => r.name)).toEqual(["京沈高铁连接线"]);
  });
});

describe("highways: codes and classes", () => {
  it("a coded road written before its verb ends before the time words and the verb (…段年底前通车)", () => {
    const { road } = run("确保G65包茂高速公路包头至东胜段年底前通车，S27呼和浩特至凉城高速公路年内开工。");
    expect(road.map((r) => [r.name, r.stops, r.stage])).toEqual([
      ["G65包茂高速公路包头至东胜段", ["包头", "东胜"], "completed"],
      ["S27呼和浩特至凉城高速公路", ["呼和浩特", "凉城"], "start"],
    ]);
  });
  it("国道G331线: the road word and 线 around a code are part of the name, a closing 建设 is not", () => {
    const { road } = run("加快国道G331线建设，建成省道S203。", { plan_year: 2025 });
    expect(road.map((r) => [r.name, r.code, r.road_class, r.stage])).toEqual([
      ["国道G331线", "G331", "national", "building"],
      ["省道S203", "S203", "provincial", "completed"],
    ]);
  });
  it("the same code twice in one sentence gives two records (001:1389)", () => {
    const roads = run(sentence("fyp-1389")).road;
    const g110 = roads.filter((r) => r.code === "G110");
    expect(g110.map((r) => r.stops)).toEqual([["哈业胡同", "天吉泰"], ["磴口黄河大桥", "海勃湾"]]);
    expect(new Set(roads.map((r) => r.stage))).toEqual(new Set(["start"]));
  });

  it("road_class from the code's digits; the list's head is carried to bare items (001:1379, 1389)", () => {
    const hw = run(sentence("fyp-1379")).road;
    expect(hw.map((r) => [r.code, r.road_class])).toEqual([["G1816", "expressway"], ["S26", "expressway"], ["S27", "expressway"], ["S28", "expressway"]]);
    expect(byName(hw, "S26纳日松至龙口高速公路").stops).toEqual(["纳日松", "龙口"]);
    const nat = run(sentence("fyp-1389")).road;
    expect(nat.map((r) => r.road_class)).toEqual(["national", "national", "national", "national", "provincial"]);
    expect(run("开工建设G0616海流图至乌拉山高速公路。").road[0]!.road_class).toBe("expressway");
  });

  it("国道331线 and a code in brackets give route codes", () => {
    const a = run(sentence("news-101")).road;
    expect(a.map((r) => [r.code, r.road_class, r.stage])).toEqual([["G331", "national", "building"]]);
    const b = run("开工建设京新高速公路（G7）临河至白疙瘩段。").road;
    expect(b.map((r) => [r.code, r.stops, r.stage])).toEqual([["G7", ["临河", "白疙瘩"], "start"]]);
  });
});

describe("prose phrasings beyond the seeds", () => {
  it("bare codes in a road list: 加快实施G110、G210等国道改造", () => {
    const { road } = run("加快实施G110、G210等国道改造。");
    expect(road.map((r) => [r.code, r.road_class, r.stage])).toEqual([["G110", "national", "building"], ["G210", "national", "building"]]);
  });
  it("a region segment before a verb: 力争包银高铁内蒙古段建成通车", () => {
    const r = run("力争包银高铁内蒙古段建成通车。").rail[0]!;
    expect([r.name, r.segment, r.region_part, r.stage, r.stops]).toEqual(["包银高铁内蒙古段", "内蒙古段", "内蒙古", "completed", []]);
  });
  it("parallel abbreviations share the head: 推进京包、包兰铁路扩能改造", () => {
    expect(run("推进京包、包兰铁路扩能改造。").rail.map((r) => [r.name, r.stage])).toEqual([["京包铁路", "building"], ["包兰铁路", "building"]]);
  });
});

describe("sections and branches after a line's own name", () => {
  it("a named branch stays in the name and the list keeps its verb: 年内建成太锡铁路、包银高铁银巴支线", () => {
    const { rail } = run("年内建成太锡铁路、包银高铁银巴支线，新开工国省道1200公里。");
    expect(rail.map((r) => [r.name, r.segment, r.stage])).toEqual([["太锡铁路", null, "completed"], ["包银高铁银巴支线", "银巴支线", "completed"]]);
  });
  it("国省道1200公里 is a length, not route S1200", () => {
    expect(run("新开工国省道1200公里，改造省道203线。").road.map((r) => r.code)).toEqual(["S203"]);
  });
  it("a coded road's section: region segment or a section named by its ends", () => {
    const { road } = run("建成G0616乌海至玛沁高速公路内蒙古段、G5511集宁至阿荣旗高速公路经棚至锡林浩特段。");
    expect(road.map((r) => [r.code, r.stops, r.segment, r.region_part])).toEqual([
      ["G0616", ["乌海", "玛沁"], "内蒙古段", "内蒙古"],
      ["G5511", ["经棚", "锡林浩特"], "经棚至锡林浩特段", null],
    ]);
  });
});

describe("numbered box items", () => {
  it("1. 包银高铁 is an item (other: no verb); the marker is no part of its name; part headings give nothing", () => {
    const { rail, road } = run("专栏3 重点铁路项目\n\n1. 包银高铁\n\n（一）高速公路\n\n二、普速铁路");
    expect(rail.map((r) => [r.name, r.stage])).toEqual([["包银高铁", "other"]]);
    expect(road).toEqual([]);
  });
});

describe("lists after a colon and across ；", () => {
  it("建成：A；B；C。 — the verb before the colon governs every ；-separated item", () => {
    const { rail } = run("建成：包银高铁；太锡铁路；集通铁路。");
    expect(rail.map((r) => [r.name, r.stage])).toEqual([["包银高铁", "completed"], ["太锡铁路", "completed"], ["集通铁路", "completed"]]);
  });
  it("a category label before a colon does not stop the verbs after it: 铁路：建成…，开工建设…", () => {
    expect(run("铁路：建成包银高铁，开工建设包鄂榆高铁。").rail.map((r) => r.stage)).toEqual(["completed", "start"]);
  });
  it("a ；-sentence without a list does not pass a verb on", () => {
    expect(run("加强管理；包头至东胜铁路。").rail).toEqual([]);
  });
});

describe("tables and bracketed sections", () => {
  it("a table row in a box: the stage column governs the row, and it is no past report", () => {
    const text = "专栏5 重点交通项目\n\n序号\t项目名称\t建设阶段\t建设内容\n1\t包银高铁\t建成\t全长520公里\n2\t集宁至通辽铁路电气化改造工程\t续建\t电气化改造";
    const { rail } = run(text);
    expect(rail.map((r) => [r.name, r.stage, r.stops])).toEqual([
      ["包银高铁", "completed", []],
      ["集宁至通辽铁路电气化改造工程", "building", ["集宁", "通辽"]],
    ]);
  });
  it("（惠农至银川段） names the section's ends; （内蒙古段） a region's part", () => {
    const r = run("建设包头至银川铁路（惠农至银川段）。").rail[0]!;
    expect([r.stops, r.segment, r.region_part]).toEqual([["惠农", "银川"], "惠农至银川段", null]);
  });
});

describe("aliases and short line names", () => {
  it("a bracketed alias is the same line, not a second one, and stays out of the name", () => {
    const { rail } = run("建设呼和浩特至包头至鄂尔多斯城际铁路（呼包鄂城际铁路）、包银高铁（简称包银线）。");
    expect(rail.map((r) => [r.name, r.line_class])).toEqual([["呼和浩特至包头至鄂尔多斯城际铁路", "other"], ["包银高铁", "high_speed"]]);
  });
  it("short 线 names only for lines: 断头线 and 货运线 are not", () => {
    expect(run("铁路方面，打通断头线、货运线，建设集通线。").rail.map((r) => r.name)).toEqual(["集通线"]);
  });
  it("ordinary 线 nouns, head words with 线 and metro numbers are no abbreviations; real ones are kept whatever their first character", () => {
    expect(run("铁路方面，保障生命线畅通，建设主干线、三号线、铁路线、高铁联络线。").rail.map((r) => r.name)).toEqual([]);
    // 集二线 ends like the work noun 二线: it stays a line
    expect(run("铁路方面，扩能改造临哈线、集二线、白阿线。").rail.map((r) => r.name)).toEqual(["临哈线", "集二线", "白阿线"]);
  });
});

describe("short expressway names", () => {
  it("乌石高速、京藏高速改扩建 are roads; 高速增长 and 高速发展 are not", () => {
    const { road } = run("加快建设临哈铁路、乌石高速等项目，实施京藏高速改扩建，保持经济高速增长，推动高速发展。");
    expect(road.map((r) => [r.name, r.road_class, r.stage])).toEqual([["乌石高速", "expressway", "building"], ["京藏高速", "expressway", "building"]]);
  });
  it("regions and categories before a head are not names: 西部地区铁路, 既有铁路", () => {
    expect(run("加强西部地区铁路和支线机场建设，加快普速铁路建设和既有铁路电气化改造。").rail).toEqual([]);
  });
});

describe("route codes need a road", () => {
  it("G20峰会 is no road; X123 is a county road (rural)", () => {
    expect(run("支持举办G20峰会。").road).toEqual([]);
    const r = run("建成X123乌兰至巴彦公路。").road[0]!;
    expect([r.code, r.road_class, r.stops]).toEqual(["X123", "rural", ["乌兰", "巴彦"]]);
  });
  it("stations, yards, ports and hubs named after a line are not lines", () => {
    expect(run("建设呼和浩特铁路货场、包头高铁新城、乌兰察布公路港。")).toEqual({ rail: [], road: [] });
  });
});

describe("what is not a line", () => {
  it("a review of past results gives nothing (001:251, 发展成就)", () => {
    const text = `第一节 发展成就\n\n${sentence("fyp-251")}`;
    const { rail, road } = run(text);
    expect([rail, road]).toEqual([[], []]);
    // even outside a review heading, X、Y开通运行 with nothing governing them reports a fact
    expect(run("集大原高铁、包银高铁开通运行，东中西高速公路大通道和沿边331国道全线贯通。").road).toEqual([]);
    expect(run("2024年建成包银高铁。", { plan_year: 2025 }).rail).toEqual([]);
  });

  it("networks, categories and statistics are not lines (001:1353, 1355)", () => {
    const a = run(sentence("fyp-1353"));
    // only the named line 国家沿边高（快）速铁路; not 八纵八横高铁网, 普速铁路, 口岸跨境铁路, 区域性铁路专用线, 高铁里程
    expect(a.rail.map((r) => [r.name, r.stage, r.line_class])).toEqual([["国家沿边高（快）速铁路", "completed", "fast"]]);
    const b = run(sentence("fyp-1355"));
    expect(b.road).toEqual([]); // 口岸至腹地城市至沿海港口高速公路, 普通国省道, 沿边国道并行线: categories
  });

  it("road categories give nothing: 边境/国防/通村/景区公路, 一级公路200公里, 二级及以上公路", () => {
    expect(run("建设边境公路、国防公路、通村公路、景区公路，新建一级公路200公里、二级及以上公路300公里，实施机场公路改造。").road).toEqual([]);
  });

  it("ports, bridges and generic roads in prose give nothing (004:41, 004:29, 003-style lists)", () => {
    expect(run(sentence("annual-41"))).toEqual({ rail: [], road: [] });
    expect(run(sentence("annual-29")).road).toEqual([]); // 建设穿沙公路2500公里
    expect(run("实施好新一轮农村牧区公路提升行动，加快具备条件且需求迫切的苏木乡镇通三级公路。").road).toEqual([]);
  });

  it("hostile input completes and fabricates nothing (long runs of heads, codes, dashes and digits)", () => {
    const junk = [
      "铁路".repeat(200_000), "G1".repeat(100_000), "至".repeat(200_000), "一".repeat(200_000),
      "、高速".repeat(100_000), "9".repeat(300_000), "G1、".repeat(100_000) + "公路", "（".repeat(200_000) + "铁路",
    ].join("。");
    expect(run(junk)).toEqual({ rail: [], road: [] });
    // a list of 20 001 chained items under one verb: every item, in linear time
    const { rail } = run(`建设${"包头至呼和浩特、".repeat(20_000)}包头至呼和浩特铁路。`);
    expect(rail).toHaveLength(20_001);
    expect(new Set(rail.map((r) => r.stage))).toEqual(new Set(["building"]));
  });
  it("hostile connector lists, coded bodies full of verbs and long runs of 线 complete", () => {
    // places before 与 are read only within a name's reach: no record from a 100 000-item list
    expect(run(`推进${"赤峰、".repeat(100_000)}通辽与京沈高铁连接线前期工作。`).rail.length).toBeLessThan(30);
    const { road } = run(`建设G1${"通车年底前".repeat(100_000)}。铁路方面，建设${"线".repeat(300_000)}。`);
    expect(road).toEqual([]); // no road word in the sentence and no place chain: G1 is no road
  });
});
