import { describe, expect, it } from "vitest";
import { extractProjects } from "../../../src/extract/projects.js";
import { exclusionOf } from "../../../src/extract/projects/filters.js";
import { HEAD_BY_NAME } from "../../../src/extract/projects/lexicon.js";
import { docOf } from "../../helpers.js";
import { names, projects } from "./helpers.js";

/** The rule that drops a candidate, checked directly. */
const why = (name: string, head: string, verbs = "建设", after = "", tail = "") =>
  exclusionOf({ name, head: HEAD_BY_NAME.get(head)!, verbs, after, tail, review: false });

// Each rule with the real seed sentence it exists for; the sentence must yield no project.
describe("NOT projects (CONTRACT.md)", () => {
  it("programmes that build nothing: 文艺精品创作工程, 英才兴蒙工程, 稳岗扩容提质工程", () => {
    expect(names("实施文艺精品创作工程，繁荣文艺创作。")).toEqual([]);
    expect(names("深入实施英才兴蒙工程。")).toEqual([]);
    expect(names("实施稳岗扩容提质工程，促进高质量充分就业。")).toEqual([]);
    expect(names("深入实施新质战斗力提升工程，做强一体化运行机制。")).toEqual([]);
    expect(why("文化惠民工程", "工程")).toBe("programme");
  });
  it("a 工程 naming a physical work stays: 光伏治沙工程 (001:411)", () => {
    expect(names("持续推进光伏治沙工程，拓宽“以路治沙”实施范围。")).toEqual(["光伏治沙工程"]);
  });
  it("计划, 行动, 战略, 试点", () => {
    expect(names("实施好新一轮农村牧区公路提升行动。")).toEqual([]);
    expect(names("扎实推动呼伦贝尔市第二轮国家生态产品价值实现机制试点。")).toEqual([]);
    expect(why("县域普通高中振兴计划", "工程")).toBe("programme");
    expect(why("能源安全新战略", "项目")).toBe("framework");
  });
  it("designations created or applied for: 创建…示范区, 国家…示范区", () => {
    expect(names("加快创建呼包鄂国家自主创新示范区。")).toEqual([]);
    expect(why("自治区级零碳园区示范区", "示范区", "创建")).toBe("designation");
  });
  it("generic categories: 一批…, 重点…, a level and a class, counts", () => {
    expect(names("围绕构建现代化产业体系，实施一批重大制造业项目。")).toEqual([]);
    expect(names("科学布局和实施重点生态工程，着力提升生态系统多样性。")).toEqual([]);
    expect(names("推动粮食物流核心枢纽、国家物流枢纽、国家骨干冷链物流基地和自治区物流枢纽布局建设。")).toEqual([]);
    expect(names("加强区域综合性应急救援基地、航空应急救援体系、应急物资储备库、消防基础设施等建设。")).toEqual([]);
    expect(why("特高压输电通道", "输电通道")).toBe("generic");
    expect(why("新增10家自治区技术创新中心", "中心")).toBe("generic");
    // administrative levels of any province, not only 盟市/旗县 (001:1807 旗县级医院)
    expect(why("旗县级医院", "医院")).toBe("generic");
    expect(why("县级医院", "医院")).toBe("generic");
    expect(why("地市公共卫生中心", "中心")).toBe("generic");
  });
  it("a 项目 with no place or proper name is a class: 氢氨醇项目 (contract), 004:71", () => {
    expect(names("推进跨省区氢氨醇长输管道项目。")).toEqual([]);
    expect(names("加快绿电制氢氨醇项目建设。")).toEqual([]);
    expect(names("推动乌海、赤峰抽水蓄能项目建设。")).toEqual(["乌海抽水蓄能项目", "赤峰抽水蓄能项目"]);
  });
  it("existing parks only reorganised (000:63)", () => {
    expect(names("支持乌海、鄂尔多斯蒙西和棋盘井工业园区、阿拉善乌斯太工业园区整合园区资源、理顺管理体制。")).toEqual([]);
  });
  it("a word ending in 市 is no place: 重要市政公用设施 (002:23)", () => {
    expect(names("加强重要市政公用设施建设。")).toEqual([]);
  });
  it("fields, not works: …等领域项目", () => {
    expect(names("支持教育医疗、技能培育、养老托育、文化旅游等领域项目建设。")).toEqual([]);
  });
  it("corridors and networks as frameworks: 向北开放东通道, 八纵八横", () => {
    expect(names("打造中蒙俄经济走廊新通道，推进跨境运输通道、油气管道等重点项目建设。")).toEqual([]);
    expect(names("加强中蒙俄经济走廊通道建设，提升国际货物运输能力。")).toEqual([]);
  });
  it("facilities only supported or strengthened (001:1451)", () => {
    expect(names("增强呼和浩特国家级互联网骨干直联点功能，推动建设国家新型互联网交换中心。")).toEqual(["国家新型互联网交换中心"]);
    expect(names("提升全国一体化算力网内蒙古枢纽节点网络支撑能力。")).toEqual([]);
    expect(names("支持和林格尔数据中心集群发展，协同发展通用算力。")).toEqual([]);
    expect(names("强化国家“一带一路”联合实验室建设。")).toEqual([]);
  });
  it("a role of the whole region (打造…产业集聚区, 国家重要…基地)", () => {
    expect(names("打造绿色铝基新材料创新开发集聚区、生物制造产业集聚区、重型装备制造基地。")).toEqual([]);
    expect(names("加快建设国家重要农畜产品生产基地。")).toEqual([]);
  });
  it("a facility placed only by the whole region is a class (000:55)", () => {
    expect(names("支持内蒙古森林草原防火应急通信基础设施建设。")).toEqual([]);
    expect(names("加强大兴安岭林区森林草原防灭火设施建设。")).toEqual(["大兴安岭林区森林草原防灭火设施"]);
    // any province or macro-region, not only the seeds' own (003:279)
    expect(names("大力推进东北地区城市供热、供水等管网设施改造。")).toEqual([]);
    expect(why("黑龙江省森林草原防火应急通信基础设施", "设施")).toBe("generic");
    expect(why("吉林松原灌区", "灌区")).toBeNull();
  });
  it("designations: 构建…合作区 (002:49), 设立…示范基地 (003:323)", () => {
    expect(names("构建兴白齐呼跨省生态经济合作区。")).toEqual([]);
    expect(names("支持大连设立中日韩循环经济示范基地。")).toEqual([]);
    // 设立 of a park still builds it (000:53)
    expect(names("研究设立和林格尔金融数据产业园。")).toEqual(["和林格尔金融数据产业园"]);
  });
  it("培育 an industry base fosters a role, builds nothing (004:71)", () => {
    expect(names("实施一批人工智能典型应用项目，培育呼和浩特人工智能产业基地。")).toEqual([]);
  });
  it("体系 inside a works name is no framework: “三北”防护林体系建设工程 (000:39)", () => {
    expect(names("协同推进重要生态系统保护和修复重大工程、“三北”防护林体系建设工程。")).toContain("“三北”防护林体系建设工程");
    expect(why("边防公路体系", "工程")).toBe("framework");
  });
  it("a centre named by its activity is an organisation (001:1201, 001:1091, 001:1591)", () => {
    expect(names("支持乳业、草产业、稀土功能材料等国家级产业知识产权运营中心建设。")).toEqual([]);
    expect(names("支持内蒙古股权交易中心高质量建设区域股权市场“专精特新”专板。")).toEqual([]);
    expect(why("区域现代消费中心", "中心")).toBe("programme");
    expect(why("乌兰察布大数据调度中心", "中心")).toBe("programme");
    // a centre named by what it holds is a facility (000:53)
    expect(names("加快建设包头稀土产品检测检验中心。")).toEqual(["包头稀土产品检测检验中心"]);
  });
  it("a rank slogan opening a name is an ambition for a class (001:825)", () => {
    expect(names("建设全国领先牛羊种源基地，提升核心育种场、种公牛站良种选育能力。")).toEqual([]);
    expect(why("全国一流乳业基地", "基地")).toBe("generic");
    expect(why("世界领先风电装备产业园", "产业园")).toBe("generic");
    expect(why("全国最大的稀土新材料基地", "基地")).not.toBeNull();
  });
  it("slogan and talent programmes need no word list: a 工程 naming no physical object (004:59, 004:61, 004:51)", () => {
    expect(names("深入实施科技“突围”工程。")).toEqual([]);
    expect(names("实施“英才兴蒙”工程。")).toEqual([]);
    expect(names("深化内蒙古文艺界思想引领“培根铸魂”工程。")).toEqual([]);
    expect(names("实施畜牧业“单产提升工程”。")).toEqual([]);
  });
  it("a grade or rank word with no place below the region names a class (000:77, 001:777, 000:81)", () => {
    expect(names("提升天然草原生产能力和草种供给能力，建设羊草、苜蓿、燕麦等优质饲草基地。")).toEqual([]);
    expect(names("发展饲草产业和马铃薯、肉羊等优势产业，支持建设甜菜高产高糖基地。")).toEqual([]);
    expect(names("推进内蒙古水网骨干工程建设，稳步实施引绰济辽二期工程。")).toEqual(["引绰济辽二期工程"]);
    // a place keeps the work named (001:1101)
    expect(why("呼和浩特国家骨干冷链物流基地", "基地")).toBeNull();
    // 高效 is a technique, not a grade (001:581)
    expect(names("实施高效节水灌溉工程。")).toEqual(["高效节水灌溉工程"]);
  });
  it("a work acting on others is the subject of a policy (003:329)", () => {
    expect(names("推动哈尔滨、长春机场等对部分国家和地区实行72小时过境免办签证政策。")).toEqual([]);
    expect(names("加快建设大连东北亚国际航运中心。")).toEqual([]);
  });
  it("a quoted slogan naming the 工程 is a campaign unless a place ties it to one work (004:135, 000:55)", () => {
    expect(names("优化城市规划布局，实施好城市地下管网等“里子”工程，推动城市更新。")).toEqual([]);
    expect(names("支持和林格尔数据中心集群“东数西算”项目建设。")).toEqual(["和林格尔数据中心集群“东数西算”项目"]);
    expect(why("“天骏”工程", "工程")).toBe("programme");
  });
  it("a work followed by 与 is a party to a link, not built here (004:71)", () => {
    expect(names("推动和林格尔数据中心集群与京津冀、长三角、粤港澳大湾区高速直联。")).toEqual([]);
  });
  it("kinds of work listed before a national class of key works (003:579)", () => {
    expect(names("支持内蒙古实施小流域综合治理提质增效、坡耕地综合整治、新建淤地坝和拦沙坝、东北黑土区侵蚀沟治理等国家水土保持重点工程。")).toEqual([]);
    // named works before a plain class tail stay (002:27)
    expect(names("建设引绰济辽、东台子水库等重大水利工程。")).toEqual(["引绰济辽", "东台子水库"]);
  });
  it("relying on a work builds nothing even with 建设 after it (003:825, 003:1837)", () => {
    expect(names("依托呼包鄂通装备制造基地建设，推动氢能装备制造产业链向中高端迈进。")).toEqual([]);
    expect(names("依托全国一体化算力网络国家(内蒙古)枢纽节点建设和绿算资源，建设自治区低空飞行智能信息网。")).toEqual([]);
  });
  it("a sentence paying money is a subsidy, not a commitment (003:976, 003:907)", () => {
    expect(names("支持乳业国家技术创新中心、稀土新材料技术创新中心、草业技术创新中心各1亿元经费，用于开展基础研究。")).toEqual([]);
    expect(names("对认定为自治区级道地药材种植基地、仿野生药材种植基地的一次性奖补50万元。")).toEqual([]);
    expect(names("支持鄂尔多斯实验室和大青山实验室建设。")).toEqual(["鄂尔多斯实验室", "大青山实验室"]);
  });
  it("培育 alone fosters, 培育建设 builds (003:1835, 000:41)", () => {
    expect(names("探索培育低空飞行器适航试飞基地。")).toEqual([]);
    expect(names("培育建设草原保护生态学全国重点实验室。")).toEqual(["草原保护生态学全国重点实验室"]);
  });
  it("打造 an agglomeration or service zone is a role (003:1155)", () => {
    expect(names("打造质量基础设施集成服务基地，推进质量技术服务“进园区”。")).toEqual([]);
  });
  it("a work named before a document type is a document title (003:1425)", () => {
    expect(why("燃煤自备电厂可再生能源替代工程", "工程", "", "实施细则2023年修订版（试行）")).toBe("not-built");
  });
  it("prose naming works with no verb and no stage commits to nothing (003:719)", () => {
    expect(names("源网荷储、风光制氢等新能源自备电站，自发自用电量暂不征收系统备用费。")).toEqual([]);
    // a stage wrapper after the work is a commitment without a verb (001:309 style)
    expect(projects("嘎海山水库全面完成。")).toEqual([["嘎海山水库", "completed", "water"]]);
  });
  it("railways and highways are their own types", () => {
    expect(names("实施呼和浩特至包头铁路时速250公里提速改造工程。")).toEqual([]);
    expect(names("建成甘其毛都铁路口岸。")).toEqual(["甘其毛都铁路口岸"]);
  });
  it("reviews of past results are not commitments", () => {
    const text = "第一节 发展成就\n“十四五”时期，建成呼和浩特盛乐国际机场，推进乌海抽水蓄能项目建设。\n";
    expect(extractProjects(docOf(text))).toEqual([]);
  });
  it("research tasks and table-of-contents lines build nothing", () => {
    expect(names("重点开展国产化超大规模智算中心建设、算电协同等方向关键技术攻关。")).toEqual([]);
    expect(names("第二节 扎实推进能源基础设施建设..... 82")).toEqual([]);
  });
});
