import { alt, holdsAny } from "../../shared/lexicon.js";
import {
  DESIGNATION_HEADS, DESIGNATION_VERBS, GRADE_WORDS, EXCLUDED_END, EXCLUDED_IN, GENERIC_START, GENERIC_START_KINDS, MIN_MODIFIER, NON_BUILDING,
  OTHER_TYPE_HEADS, OTHER_TYPE_WORDS, OWNER_PREFIX_RE, AFTER_NOT_BUILT, LEVEL_WORDS, REGION_PREFIX, PHYSICAL_PATTERNS, PHYSICAL_WORDS, PLACE_ANY_RE, PLACE_PREFIX_RE, RANK_SLOGAN_RE, ROLE_VERBS, ROLE_WORDS, SERVICE_CENTRE_RE,
  STRICT_NON_BUILDING, VERB_ONE_RE, type HeadNoun,
} from "./lexicon.js";

/**
 * Why a candidate is not a project (CONTRACT.md, NOT projects), or null when it
 * is one. Each reason is a rule over the name, its head, the verbs governing
 * it and the section it stands in.
 */
export type Exclusion =
  | "programme" // 计划, 行动, 攻坚战, 机制, 平台 … in the name
  | "framework" // ends in 战略, 走廊, 体系, 网 …
  | "designation" // 创建/申报 … 示范区/试验区/先行区
  | "generic" // a category: 一批…, 重点…, too few specific words
  | "not-built" // governed by a verb that builds nothing (提升, 增强, 深化 …) with no stage wrapper
  | "role" // a role of the whole region (打造…产业集聚区, 国家…基地 without a place)
  | "review" // a section reviewing past results
  | "other-type" // a railway or highway: its own record type
  | "condition" // closes a 的 clause naming who qualifies (新建…基地的，给予…)
  | "malformed"; // not a name (verb left inside, too short)

export interface CandidateFacts {
  name: string;
  head: HeadNoun;
  verbs: string;
  /** text after the list in the clause */
  after: string;
  /** the shared class after 等 ("" when none): 等重大创新平台 classifies the items */
  tail: string;
  /** the block sits under a review of past results (Block.review) */
  review: boolean;
  /** how many works the list holds (a lone short name is read more strictly) */
  listSize?: number;
  /** the item was written without its head, which it shares with the list's last item (…、…一期项目) */
  sharesHead?: boolean;
  /** a verb found inside the raw name and cut off (支持大连设立…示范基地 → 设立): it may create a designation */
  innerVerb?: string;
}

/**
 * Word-list tests as one regex each, not a scan of the list per candidate: EXCLUDED_IN's 45 words
 * × (includes + endsWith) were the hottest line of exclusionOf (77 of its ~400 profile ticks).
 */
const EXCLUDED_IN_AT_END = new RegExp(`(?:${alt(EXCLUDED_IN)})$`);
/** EXCLUDED_END and DESIGNATION_HEADS as endings: a closure and a scan of the list per candidate before */
const EXCLUDED_END_RE = new RegExp(`(?:${alt(EXCLUDED_END)})$`);
const DESIGNATION_HEAD_END = new RegExp(`(?:${alt(DESIGNATION_HEADS)})$`);
const GENERIC_START_ANY = new RegExp(`^(?:${alt(GENERIC_START)})`);
const GENERIC_START_NOT_KIND = new RegExp(`^(?:${alt(GENERIC_START.filter((g) => !GENERIC_START_KINDS.has(g)))})`);

const FIELDS_AFTER = /^[^，。；,;]{0,24}?等?(?:方面|领域|环节)/;
const LEVEL_INSIDE = /(?:国家|自治区|省|市|县)级/;

const verbsOf = (run: string) => {
  const out: string[] = [];
  VERB_ONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VERB_ONE_RE.exec(run))) out.push(m[0]);
  return out;
};

/** A place written in the name: a known place anywhere, a suffixed place opening it (苏尼特左旗…), or an owner opening it (中石化…), which identifies a work as a place does. */
export function hasPlace(s: string): boolean {
  PLACE_ANY_RE.lastIndex = 0;
  return PLACE_ANY_RE.test(s) || PLACE_PREFIX_RE.test(s) || OWNER_PREFIX_RE.test(s);
}

export function exclusionOf(c: CandidateFacts): Exclusion | null {
  const { name, head } = c;
  if (c.review) return "review";
  if (name.length < 3 || name.length > 60 || /^[^\u4e00-\u9fff“"（(]/.test(name)) return "malformed";
  if (holdsAny(name, EXCLUDED_IN) || (c.tail !== "" && EXCLUDED_IN_AT_END.test(c.tail))) return "programme";
  if (SERVICE_CENTRE_RE.test(name)) return "programme";
  if (holdsAny(name, OTHER_TYPE_WORDS) && !OTHER_TYPE_HEADS.includes(head.head)) return "other-type";
  if (/^(?:一批|若干|各类|一些)/.test(name) || /[两三四五六七八九十]个|“一个/.test(name)) return "generic";
  if (EXCLUDED_END_RE.test(name)) return "framework";
  const verbs = verbsOf(c.verbs);
  if (DESIGNATION_HEAD_END.test(name) && ([...verbs, c.innerVerb ?? ""].some((v) => DESIGNATION_VERBS.includes(v)) || name.includes("国家"))) return "designation";
  if (verbs.some((v) => STRICT_NON_BUILDING.has(v)) || AFTER_NOT_BUILT.test(c.after)) return "not-built";
  // "新建连片种植基地的，给予…": a work closing a 的 clause names who qualifies, a condition, not a commitment
  if (/^的(?:[，,：:]|$)/.test(c.after)) return "condition";
  if (verbs.some((v) => ROLE_VERBS.includes(v)) && holdsAny(name, ROLE_WORDS) && head.roleIfNational) return "role";
  const staged = /^(?:[\u4e00-\u9fff]{0,4})?(?:建设|开工|前期)/.test(c.after) || c.after.includes("前期");
  if (verbs.length && NON_BUILDING.has(verbs[verbs.length - 1]!) && !staged) return "not-built";
  const at = name.lastIndexOf(head.head);
  const modifier = at < 0 ? name : name.slice(0, at);
  const unregioned = name.replace(REGION_PREFIX, "");
  // a place in the name is looked up once: most names open with no region, and then the two facts below are one lookup
  // (hasPlace was 126 of exclusionOf's 397 ms inclusive, 3.2 MB x 12 passes)
  const namePlaced = hasPlace(name);
  const placedAnywhere = namePlaced || /至/.test(name);
  // the document's whole region (内蒙古森林草原防火应急通信基础设施) does not place a class of facilities
  const placedInRegion = (unregioned === name ? namePlaced : hasPlace(unregioned)) || /至/.test(name);
  if (head.needsPlace && !placedInRegion) return "generic";
  if (!placedInRegion && holdsAny(name, GRADE_WORDS)) return "generic";
  // an item that takes its head from a named work beside it (恒力炼化一体化、中石油长兴岛炼化一期项目) is named like it
  if (!placedAnywhere && head.marks && name.endsWith(head.head) && !holdsAny(name, head.marks) && !c.sharesHead) return "generic";
  if (name.includes("的")) return "malformed"; // a description (有条件的综合性医院), not a name
  // a type (政府主导型创业孵化基地; sizes 大型/中型 and 新型/转型 are no types) or a demonstration status (创业孵化示范基地) with no place names a kind of facility
  if (!placedAnywhere && (/[\u4e00-\u9fff][^大中小新转]型/.test(modifier) || /示范(?:基地|区|园区?)$/.test(name))) return "generic";
  // fields of a list closed by 等方面/等领域 (仓储设施、生产加工基地建设和技术改造等方面): areas of spending, not works
  if (FIELDS_AFTER.test(c.after)) return "generic";
  // a facility placed only by a whole region of the country (华北、西北地区物流基地) is a kind spread over it
  if (head.specific && !placedInRegion && REGION_PREFIX.exec(name)?.[0].endsWith("地区")) return "generic";
  // a level inside the name after words that are no place (指导市级工程实验室): the level's class of facilities
  const levelAt = LEVEL_INSIDE.exec(name);
  if (levelAt && levelAt.index > 0 && !hasPlace(name.slice(0, levelAt.index)) && !/^[东南西北中]部$/.test(name.slice(0, levelAt.index))) return "generic";
  // a head used as a destination (政务服务向工业园区, 自助终端进园区) or a beneficiary (对…园区)
  if (/^[为向进在对我该]/.test(name) || /[向进]“?[\u4e00-\u9fff]{0,2}园区$/.test(name)) return "malformed";
  if (/^[\u4e00-\u9fff]{2,3}和/.test(name) && !placedAnywhere) return "generic"; // 新能源和电网项目: two classes
  if (/^[\u4e00-\u9fff]{1,3}与/.test(name)) return "generic"; // 口岸与园区: a pairing, not a work
  if (head.roleIfNational && name.startsWith("国家") && !placedAnywhere) return "role";
  // a zone or base named only by the industry it gathers (养老服务业集聚区, 装备制造业基地) is a theme, not a place's work
  if (head.roleIfNational && !placedAnywhere && /业$/.test(modifier) && modifier.length <= 6) return "generic";
  // a quoted slogan as the name of the 工程 (…等“里子”工程, “天骏”工程) is a campaign the works before it serve,
  // unless a place ties it to one work (和林格尔数据中心集群“东数西算”项目)
  const slogan = /“([^“”]{1,10})”(?:工程|项目)$/.exec(name)?.[1];
  if (slogan !== undefined && !namePlaced && !holdsAny(slogan, PHYSICAL_WORDS) && !PHYSICAL_PATTERNS.some((p) => p.test(slogan))) return "programme";
  if ((head.head === "工程" || head.head === "项目") && !holdsAny(name, PHYSICAL_WORDS) && !PHYSICAL_PATTERNS.some((p) => p.test(name))) return "programme";
  if (/\d+(?:家|个|所|座|处)/.test(name)) return "generic"; // a count of a class (新增10家自治区技术创新中心)
  // a 工程 may open with a kind of facility (农村电网改造升级工程): only the other generic words mark it
  const genericStart = head.head === "工程" ? GENERIC_START_NOT_KIND : GENERIC_START_ANY;
  if (genericStart.test(name) || genericStart.test(unregioned)) return "generic";
  if (RANK_SLOGAN_RE.test(name) || RANK_SLOGAN_RE.test(unregioned)) return "generic";
  const level = LEVEL_WORDS.exec(name)?.[0];
  if (level && head.specific && !placedAnywhere && modifier.length - level.length <= 4) return "generic";
  // the length first: most modifiers are long enough, and the place lookup is the dearest of the three
  if (modifier.length < ((c.listSize ?? 1) > 1 && head.nameLength ? head.nameLength : MIN_MODIFIER) && !/[“”"（(]/.test(modifier) && !hasPlace(modifier)) return "generic";
  return null;
}
