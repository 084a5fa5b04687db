import { describe, expect, it } from "vitest";
import { projectSector, projectStage } from "../../../src/extract/projects/classify.js";
import { HEAD_BY_NAME } from "../../../src/extract/projects/lexicon.js";
import { projects } from "./helpers.js";

describe("stage from the contract's verb table", () => {
  it.each([
    ["完成阿拉善左旗机场升级改造。", "阿拉善左旗机场升级改造", "completed"],
    ["建成苏尼特左旗、多伦县通用机场。", "苏尼特左旗通用机场", "completed"],
    ["开工建设阿尔山、海拉尔机场改扩建项目。", "阿尔山机场改扩建项目", "start"],
    ["推动乌布林水库、晓奇子水库开工建设。", "乌布林水库", "start"],
    ["加快建设嘎海山水库。", "嘎海山水库", "building"],
    ["谋划推进引黄入呼（三期）引调水工程。", "引黄入呼（三期）引调水工程", "preparation"],
    ["研究推动区内自用特高压柔性直流输电工程。", "区内自用特高压柔性直流输电工程", "preparation"],
    ["推进嫩江干流治理工程前期工作。", "嫩江干流治理工程", "preparation"],
    ["规划建设东、中、西部3个自治区级区域公共卫生中心。", "东部自治区级区域公共卫生中心", "preparation"],
    ["积极支持中俄中线（中蒙俄）天然气管道内蒙古段建设。", "中俄中线（中蒙俄）天然气管道内蒙古段", "other"],
    ["布局蒙东大型风电光伏基地。", "蒙东大型风电光伏基地", "other"],
    ["推动满都拉、甘其毛都口岸边民互贸区封关运营。", "满都拉口岸边民互贸区", "completed"],
    ["确保呼和浩特盛乐国际机场建成通航。", "呼和浩特盛乐国际机场", "completed"],
  ])("%s → %s: %s", (text, name, stage) => {
    const got = projects(text).find(([n]) => n === name);
    expect(got?.[1]).toBe(stage);
  });
  it("加快 defers to the verb after it (加快创建 → other)", () => {
    expect(projectStage("加快创建", "")).toBe("other");
    expect(projectStage("加快", "")).toBe("building");
  });
});

describe("sector from key words and the head noun", () => {
  it.each([
    ["乌海抽水蓄能项目", "项目", "energy"],
    ["蒙西至京津冀输电通道工程", "工程", "grid"],
    ["内蒙古沙漠基地送电江苏外送通道工程", "工程", "grid"],
    ["杭锦后旗—乌拉特后旗输气管道项目", "项目", "pipeline"],
    ["嘎海山水库", "水库", "water"],
    ["引绰济辽二期工程", "工程", "water"],
    ["乌拉盖通用机场", "机场", "aviation"],
    ["二连浩特智慧口岸", "口岸", "transport_other"],
    ["和林格尔金融数据产业园", "产业园", "digital"],
    ["光伏治沙工程", "工程", "ecology"],
    ["草原保护生态学全国重点实验室", "实验室", "science"],
    ["南繁科研育种基地", "基地", "agriculture"],
    ["紧急医学救援基地", "基地", "social"],
    ["满洲里产业协作园区", "园区", "industry"],
    ["“绿电进京”工程", "工程", "grid"],
    ["陇东至山东“疆电外送”通道", "通道", "grid"],
    ["西南水电清洁能源基地", "基地", "energy"],
    ["沿海核电清洁能源基地", "基地", "energy"],
    ["黄河粗泥沙集中来源区拦沙工程", "工程", "ecology"],
    ["包头市退役风电、光伏设备循环利用产业集聚区", "集聚区", "industry"],
  ])("%s → %s", (name, head, sector) => {
    expect(projectSector(name, HEAD_BY_NAME.get(head)!)).toBe(sector);
  });
  it("the shared class speaks for names kept as written (…沙漠基地等新能源基地 → energy)", () => {
    expect(projectSector("内蒙古送电江苏沙漠基地", HEAD_BY_NAME.get("基地")!, "新能源基地")).toBe("energy");
  });
});

describe("extra fields", () => {
  it("capacity stated with a single work, location from its name", async () => {
    const { extractProjects } = await import("../../../src/extract/projects.js");
    const { docOf } = await import("../../helpers.js");
    const [d] = extractProjects(docOf("建设乌兰察布抽水蓄能电站，装机120万千瓦。"));
    expect(d?.fields).toMatchObject({ name: "乌兰察布抽水蓄能电站", capacity: "装机120万千瓦", location: "乌兰察布", sector: "energy" });
  });
});
