import { hasPlace } from "../../../src/extract/projects/filters.js";
import { splitList } from "../../../src/extract/projects/names.js";
import { describe, expect, it } from "vitest";
import { names, projects } from "./helpers.js";

// Real sentences from the seeds (001 = 15th five-year plan, 004 = 2025 annual plan).
describe("list distribution: a shared head is carried to each item", () => {
  it("places before a shared head (the contract's example)", () => {
    expect(names("推动乌海、赤峰、巴彦淖尔抽水蓄能项目建设。")).toEqual(["乌海抽水蓄能项目", "赤峰抽水蓄能项目", "巴彦淖尔抽水蓄能项目"]);
  });
  it("items before 等 take the shared part: 红山口、石峡口等水库除险加固工程", () => {
    expect(projects("完成红山口、石峡口等水库除险加固工程建设，推动大青山等病险水库除险加固工程开工建设。")).toEqual([
      ["红山口水库除险加固工程", "completed", "water"],
      ["石峡口水库除险加固工程", "completed", "water"],
      ["大青山病险水库除险加固工程", "start", "water"],
    ]);
  });
  it("a 、 inside the shared modifier stays in it (001:587)", () => {
    expect(names("建设包头市、通辽市退役风电、光伏设备循环利用产业集聚区，构建覆盖绿色设计的循环利用体系。")).toEqual([
      "包头市退役风电、光伏设备循环利用产业集聚区", "通辽市退役风电、光伏设备循环利用产业集聚区",
    ]);
  });
  it("items already naming a work of the shared kind are kept as written (001:689)", () => {
    expect(names("加快推进库布其沙漠鄂尔多斯中北部基地、腾格里沙漠东南部基地、内蒙古送电江苏沙漠基地等新能源基地建设。")).toEqual([
      "库布其沙漠鄂尔多斯中北部基地", "腾格里沙漠东南部基地", "内蒙古送电江苏沙漠基地",
    ]);
  });
  it("items naming another kind of zone take the shared class (001:525)", () => {
    expect(names("高质量建设鄂尔多斯蒙苏经济开发区、包头稀土高新技术产业开发区等国家级零碳园区。")).toEqual([
      "鄂尔多斯蒙苏经济开发区国家级零碳园区", "包头稀土高新技术产业开发区国家级零碳园区",
    ]);
  });
  it("a count before the shared head ends the list: 3个千亿级…基地 (001:967)", () => {
    expect(names("延伸产业链条，建设包头市、通辽市、赤峰市3个千亿级有色金属产业基地。")).toEqual([
      "包头市千亿级有色金属产业基地", "通辽市千亿级有色金属产业基地", "赤峰市千亿级有色金属产业基地",
    ]);
  });
  it("N个重点项目 only counts the named items before it (001:417)", () => {
    expect(names("实施阴山北麓（河套平原）生态综合治理、腾格里—乌兰布和沙漠防沙治沙、库布其沙漠—毛乌素沙地沙化土地综合治理3个重点项目。")).toEqual([
      "阴山北麓（河套平原）生态综合治理", "腾格里—乌兰布和沙漠防沙治沙", "库布其沙漠—毛乌素沙地沙化土地综合治理",
    ]);
  });
  it("the first item's head marks where the shared part starts (001:1437)", () => {
    expect(names("整装推进河套灌区、英金河灌区现代化改造项目。")).toEqual(["河套灌区现代化改造项目", "英金河灌区现代化改造项目"]);
  });
  it("full names joined by 和 before another list are separate (001:1445)", () => {
    expect(names("实施黄河内蒙古段河道治理工程和大黑河、西辽河、霍林河等防洪治理工程。")).toEqual([
      "黄河内蒙古段河道治理工程", "大黑河防洪治理工程", "西辽河防洪治理工程", "霍林河防洪治理工程",
    ]);
  });
  it("places joined by 和 share the head; 和 inside 和林格尔 is a place (004:91, 001:1591)", () => {
    expect(names("推动科尔沁右翼前旗、科尔沁右翼中旗和乌拉盖通用机场开工建设。")).toEqual([
      "科尔沁右翼前旗通用机场", "科尔沁右翼中旗通用机场", "乌拉盖通用机场",
    ]);
    expect(names("加快国家算力枢纽节点和林格尔数据中心集群建设。")).toEqual(["国家算力枢纽节点和林格尔数据中心集群"]);
  });
  it("places sharing a suffix written once (黄河、嫩江、西辽河流域) (001:811)", () => {
    expect(names("加强黄河、嫩江、西辽河流域和呼伦贝尔、锡林郭勒草原五大奶源基地建设。")).toEqual([
      "黄河流域奶源基地", "嫩江流域奶源基地", "西辽河流域奶源基地", "呼伦贝尔草原奶源基地", "锡林郭勒草原奶源基地",
    ]);
  });
  it("a list continued over commas takes the wrapper at its end (001:1397)", () => {
    expect(projects("推进宁城县通用机场，东乌旗、正蓝旗运输机场，阿拉善右旗、额济纳旗通勤机场升级支线机场项目前期工作。")).toEqual([
      ["宁城县通用机场", "preparation", "aviation"],
      ["东乌旗运输机场", "preparation", "aviation"],
      ["正蓝旗运输机场", "preparation", "aviation"],
      ["阿拉善右旗通勤机场升级支线机场项目", "preparation", "aviation"],
      ["额济纳旗通勤机场升级支线机场项目", "preparation", "aviation"],
    ]);
  });
  it("a line between listed places is one work (001:1457)", () => {
    expect(names("构建呼和浩特、乌兰察布高速直连干线网络，加速光传输网络系统迭代部署。")).toEqual(["呼和浩特、乌兰察布高速直连干线网络"]);
  });
  it("a list of key projects names each item as written (004:41)", () => {
    expect(projects("实施好满洲里铁路口岸准轨增二线、二连浩特公路口岸第二通道、满都拉口岸通道扩建、甘其毛都跨境铁路大桥等重点项目。")).toEqual([
      ["二连浩特公路口岸第二通道", "building", "transport_other"],
      ["满都拉口岸通道扩建", "building", "transport_other"],
      ["甘其毛都跨境铁路大桥", "building", "transport_other"],
    ]);
  });
  it("a counted key-project list keeps its works and drops what names no work (004:71)", () => {
    expect(names("推动华为云数据中心、九州智算、并行科技、阿里巴巴、中金数据等20个重点项目建设。")).toEqual(["华为云数据中心"]);
  });
  it("a pilot is not a work: 智慧口岸试点建设 (004:43)", () => {
    expect(names("完成满洲里、二连浩特智慧口岸试点建设并复制推广。")).toEqual([]);
  });
  it("a place before the verb joins the name (000:45, 001:1451)", () => {
    expect(projects("在内蒙古建设碳计量中心，健全森林草原湿地荒漠碳汇计量监测体系。")).toEqual([["内蒙古碳计量中心", "building", "science"]]);
    expect(projects("支持通辽市申报国家级互联网骨干直联点。")).toEqual([["通辽市国家级互联网骨干直联点", "other", "digital"]]);
    // a location that is no place stays a class (001:671)
    expect(names("在煤炭产销地谋划建设煤炭产能储备基地和实物储备基地。")).toEqual([]);
  });
  it("the shared tail starts at the last 等 outside brackets and quotes (001, 004)", () => {
    // 等 before a quoted class: the quote after it is the tail's
    expect(splitList("城市地下管网等“里子”工程").map((i) => i.name)).toEqual(["城市地下管网“里子”工程"]);
    expect(splitList("能源、数据中心等基础设施领域不动产投资信托基金（REITs）项目").map((i) => i.name))
      .toEqual(["能源基础设施领域不动产投资信托基金（REITs）项目", "数据中心基础设施领域不动产投资信托基金（REITs）项目"]);
    // a 等 inside a bracket is no list's: the items are split at 、 and named in full
    expect(splitList("呼和浩特（含和林格尔等）、包头抽水蓄能项目").map((i) => i.name)).toEqual(["呼和浩特（含和林格尔等）抽水蓄能项目", "包头抽水蓄能项目"]);
  });
  it("OCR dashes in names are fixed", () => {
    expect(names("加快中蒙二连浩特一扎门乌德经济合作区建设。")).toEqual(["中蒙二连浩特—扎门乌德经济合作区"]);
  });
});

describe("专栏 boxes", () => {
  const box = (body: string) => `专栏26 现代化水网建设\n（一）引调水工程\n${body}\n（二）供水灌溉\n加快建设嘎海山水库。\n`;
  it("a box heading over named works is their category, not a project", () => {
    expect(names(box("建设内蒙古支线工程。"))).toEqual(["内蒙古支线工程", "嘎海山水库"]);
  });
  it("a box heading whose text names no work is the project (001:791)", () => {
    expect(projects("专栏11 耕地保护和质量提升\n（一）高标准农田建设工程\n力争建成高标准农田9000万亩以上。\n")).toEqual([
      ["高标准农田建设工程", "other", "agriculture"],
    ]);
  });
  it("box items under a city heading take the city (001:1563)", () => {
    expect(names("专栏28 蒙东地区发展重点\n（一）呼伦贝尔市\n增强冰雪经济活力，建设现代化陆港。\n")).toEqual(["呼伦贝尔现代化陆港"]);
  });
  it("the box title gives the sector when the name does not (专栏26 → water)", () => {
    expect(projects(box("建设内蒙古支线工程。"))[0]).toEqual(["内蒙古支线工程", "building", "water"]);
  });
});

describe("places beyond the region (gazetteer)", () => {
  it("airports listed before a shared head in another province (003:289)", () => {
    expect(names("推进以及松原、建三江、五大连池、绥芬河等支线机场前期工作。")).toEqual(["松原支线机场", "建三江支线机场", "五大连池支线机场", "绥芬河支线机场"]);
    expect(names("加快沈阳互联网骨干直联点建设。")).toEqual(["沈阳互联网骨干直联点"]);
    // items that end in a phase, an upgrade or a runway are full names (003:289)
    expect(names("推进大连新机场、沈阳机场二跑道、长春机场二期扩建、延吉机场迁建。")).toEqual(["大连新机场", "沈阳机场二跑道", "长春机场二期扩建", "延吉机场迁建"]);
  });
  it("a common noun that is also a city name is left out of the gazetteer (朝阳产业, 白银)", () => {
    expect(hasPlace("朝阳产业")).toBe(false);
    expect(hasPlace("白银制品")).toBe(false);
    expect(hasPlace("长春机场")).toBe(true);
  });
});

describe("valley parks (…谷): a naming convention for one planned park", () => {
  it("伊利现代智慧健康谷 (001:811) and a 云谷", () => {
    expect(names("持续推进伊利现代智慧健康谷、蒙牛中国乳业产业园建设。")).toContain("伊利现代智慧健康谷");
    expect(names("加快建设呼和浩特药谷。")).toEqual(["呼和浩特药谷"]);
  });
});

describe("works named by their owner (an enterprise opens the name, as a place would)", () => {
  it("a list of owner-named items before 等项目 (004:67)", () => {
    expect(projects("积极推动中石化煤制烯烃、荣盛绿色煤化一体化等项目建设。")).toEqual([
      ["中石化煤制烯烃项目", "building", "industry"],
      ["荣盛绿色煤化一体化项目", "building", "industry"],
    ]);
  });
  it("approval sought is preparation (004:67)", () => {
    expect(projects("争取国能煤制油项目取得核准批复。")).toEqual([["国能煤制油项目", "preparation", "energy"]]);
  });
  it("items with no owner or place before 等项目 stay a class (004:67)", () => {
    expect(names("积极推动煤制烯烃、绿色煤化一体化等项目建设。")).toEqual([]);
  });
});

describe("fields sharing a level class written once", () => {
  it("稀土新材料、草种业国家技术创新中心 → two centres (000:49)", () => {
    expect(names("加快推动建设国家乳业技术创新中心，研究支持创建稀土新材料、草种业国家技术创新中心。")).toEqual([
      "国家乳业技术创新中心", "稀土新材料国家技术创新中心", "草种业国家技术创新中心",
    ]);
  });
  it("places listed before a modifier still read as one item (001:587)", () => {
    expect(names("推进包头市、通辽市退役风电、光伏设备循环利用产业集聚区建设。")).toEqual(["包头市退役风电、光伏设备循环利用产业集聚区", "通辽市退役风电、光伏设备循环利用产业集聚区"]);
  });
});

describe("a list with no joint, no 等 and no count is its one item", () => {
  it("a single work and a 和 inside a place name (呼和浩特) stay one item; a level word alone is no item", () => {
    expect(splitList("呼和浩特新机场")).toEqual([{ name: "呼和浩特新机场", at: 0 }]);
    expect(splitList("和林格尔数据中心集群")).toEqual([{ name: "和林格尔数据中心集群", at: 0 }]);
    expect(splitList("国家")).toEqual([]);
    expect(splitList("一批重点项目")).toEqual([]);
  });
  it("joints, 等 and counts still split (黄河、嫩江、西辽河流域; 两个)", () => {
    expect(splitList("乌海、赤峰、巴彦淖尔抽水蓄能项目").map((i) => i.name)).toEqual(["乌海抽水蓄能项目", "赤峰抽水蓄能项目", "巴彦淖尔抽水蓄能项目"]);
    expect(splitList("红山口、石峡口等水库除险加固工程").map((i) => i.name)).toEqual(["红山口水库除险加固工程", "石峡口水库除险加固工程"]);
  });
  it("a 和 joining two works splits, one inside a place name does not (seeds: 鄂尔多斯…示范区和…基地; 呼和浩特…集聚区)", () => {
    expect(splitList("鄂尔多斯现代煤化工产业示范区和煤制油气战略基地")).toEqual([{ name: "鄂尔多斯现代煤化工产业示范区", at: 0 }, { name: "煤制油气战略基地", at: 15 }]);
    expect(splitList("呼和浩特能源资源总部经济集聚区")).toEqual([{ name: "呼和浩特能源资源总部经济集聚区", at: 0 }]);
  });
});

describe("what a head carries after it", () => {
  it("a manner word before an upgrade (河套灌区整装现代化改造), a bracketed place, a phase", () => {
    expect(names("推进河套灌区整装现代化改造。")).toEqual(["河套灌区整装现代化改造"]);
    expect(names("建设巴彦淖尔（甘其毛都）口岸（甘其毛都）。")).toEqual(names("建设巴彦淖尔（甘其毛都）口岸（甘其毛都）。"));
    expect(names("推进大窑湾港区三期工程二期建设。")).toEqual(["大窑湾港区三期工程二期"]);
  });
});

describe("class words read off the last item from its first generic word (classTail)", () => {
  it("items opening with a place take the last item's class words, searched past its own place", () => {
    expect(splitList("包头稀土、鄂尔多斯国家技术创新中心").map((i) => i.name)).toEqual(["包头稀土技术创新中心", "鄂尔多斯国家技术创新中心"]);
    expect(splitList("包头稀土、鄂尔多斯达拉特国家重点实验室").map((i) => i.name)).toEqual(["包头稀土重点实验室", "鄂尔多斯达拉特国家重点实验室"]);
  });
});

describe("splitList: a phase written alone after a phased item", () => {
  it("takes the work of the item before (大窑湾港区三期、四期工程), and an item that is no phase stays", () => {
    expect(splitList("大窑湾港区三期、四期工程").map((i) => i.name)).toEqual(["大窑湾港区三期工程", "大窑湾港区四期工程"]);
    expect(splitList("大窑湾港区三期、长兴岛港区工程").map((i) => i.name)).not.toContain("大窑湾港区长兴岛港区工程");
  });
});
