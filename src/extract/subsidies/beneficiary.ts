import { MAX_CLAUSE } from "../../structure/clauses.js";
import { CAP_LIST, CAP_WORDS, CUT_RE, INSTRUMENT_LEADS, INSTRUMENT_LIST, INSTRUMENT_WORDS, ISSUER_CLAUSE_RE, SPECIFIC_RE, GENERIC_RE, TIER_AT, TIER_END_RE, TIER_NEXT } from "./lexicon.js";
import { ITEM_KINDS, stripMarker } from "../../shared/markers.js";
import { charClass, nextOf, trimEndOf, trimStartOf, type CharClass } from "../../shared/char-class.js";
import { alt, endsWithAny, escapeRegExp, holdsAny, startsWithAny } from "../../shared/lexicon.js";

/**
 * Who qualifies, in the source's words. Policy lists write the condition
 * phrase before the payout: "对首次认定的高新技术企业给予一次性30万元…",
 * "列为国家多式联运示范工程并验收合格的项目，每个给予…", "给予国家城乡交通运输
 * 一体化示范县投资补助300万元". The phrase runs from the last 对 (a
 * preposition: at a clause start or after an adverb, never 针对/对接) to the
 * first payout word.
 */
export const MARKER_RE = /(?:^|[，,；;。、）)\s]|并|再|同时|重点|优先|继续|可|均|将|年)对于?(?![此其接外标])/g;
const LEADING_VERB = /^(?:其中|支持|鼓励|引导|推动|提高|对于|对)[，,]?/;

/** Offset just after the last 对-marker in `lead`, or -1. */
export function lastMarker(lead: string): number {
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null, at = -1;
  while ((m = MARKER_RE.exec(lead))) { at = m.index + m[0].length; MARKER_RE.lastIndex = m.index + Math.max(1, m[0].length); }
  return at;
}

/** Offset just after the 对-marker before the one ending at `at`, when only one clause lies between them; else -1. */
function markerBefore(lead: string, at: number): number {
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null, prev = -1, cur = -1;
  while ((m = MARKER_RE.exec(lead))) {
    const end = m.index + m[0].length;
    if (end >= at) break;
    prev = end;
    MARKER_RE.lastIndex = m.index + Math.max(1, m[0].length);
  }
  cur = prev;
  return cur;
}

/** Cut a condition phrase at the first payout word (not at its first two characters: 对按新化学药品注册分类…). */
function cutAtPayout(s: string): string {
  return cutAtPayoutFrom(s, 2);
}

/**
 * A payout word inside a relative clause names no payout: "列入风险补贴计划的项目", "获得国家奖励的企业",
 * "为中小企业技术创新活动提供各种专业化服务的项目" — the clause runs on to a 的 and a noun ending the clause.
 */
const INSIDE_RELATIVE = /^[^，,；。\d]{0,30}的[^，,；。\d的]{1,10}$/;

function cutAtPayoutFrom(s: string, from: number): string {
  CUT_RE.lastIndex = from;
  for (let m = CUT_RE.exec(s); m; m = CUT_RE.exec(s)) {
    const end = m.index + m[0].length;
    const comma = s.slice(end).search(/[，,]/);
    if (!INSIDE_RELATIVE.test(comma < 0 ? s.slice(end) : s.slice(end, end + comma))) return s.slice(0, m.index);
    CUT_RE.lastIndex = Math.max(end, m.index + 1);
  }
  return s;
}

/** "（是指以《…目录》中规定的产业项目为主营业务…的企业）": a definition glossing the recipient, not part of its name */
const DEFINITION = /[（(](?:是指|指|即)[^（）()]{0,200}[）)]/g;
const LEAD_PUNCT = charClass("，,、；;。：:");
const TRAIL_PUNCT = charClass("，,、；;：:");
const tidy = (s: string) => trimEndOf(trimStartOf(s.replace(/\s+/g, "").replace(DEFINITION, ""), LEAD_PUNCT), TRAIL_PUNCT);

/** "给予国家城乡交通运输一体化示范县投资补助": the recipient between 给予 and the instrument. */
function recipientAfterGive(clause: string): string | null {
  const m = /^(?:并|再)?(?:分别)?(?:给予|予以)(.{2,60})$/.exec(clause);
  if (!m || /^(?:一次性|最高|不超过|不低于|每|分别)/.test(m[1]!)) return null;
  let s = m[1]!;
  SPECIFIC_RE.lastIndex = 0;
  const sp = SPECIFIC_RE.exec(s);
  GENERIC_RE.lastIndex = 0;
  const ge = sp ? null : GENERIC_RE.exec(s);
  const cut = sp ?? ge;
  if (cut) s = s.slice(0, cut.index);
  // 给予新建每张床位补贴: the per-unit base is no part of who
  s = s.replace(/每(?![年月]).*$/, "");
  s = s.replace(/(?:不超过|不超|最高|不低于)$/, "").replace(/(?:一次性|年度|投资|运营|建设|研发|科研|经费|资金|生活|工作生活|购房|专项)+$/, "");
  return s.length >= 2 ? s : null;
}

/** the scope of a cap, not a recipient: 单个企业每年最高… */
const SCOPE_CLAUSE = /^(?:原则上)?(?:单个|每个|同一|单户|每户|每家)/;
/** a step of the procedure, not a recipient: 经市委人才工作领导小组办公室评估认定后 */
const PROCEDURE_CLAUSE = /^(?:经.{2,40}(?:后|同意|批准|认定|审核|评审|核定|核准)|可?凭借?.*)$/;
/** what is enjoyed or applied for, not who: 可按规定享受我区…人才奖, 可申请经营规模拓展扶持 */
const ENJOY_CLAUSE = /^可?(?:按规定|按照规定|依规)?(?:享受|申请|申报)/;
/** a term or how often, not who: 每年, 5年内, 连续3年, 自认定当年起 */
const TERM_CLAUSE = /^(?:每年|每月|每季度|(?:连续)?[\d一二两三四五六七八九十]{1,2}年内?|自[^，,]{1,20}起)$/;
/** a bound on the loan or the term, not who: 贴息贷款最高不超过200万元, 贴息期限不超过2年 */
const LIMIT_CLAUSE = /(?:贷款|期限|期)[^，,]{0,6}(?:不超过|最高|最长|最多)/;
/** a consideration, not who: 结合专项资金年度预算、专家评审结果和企业项目投资规模 */
const WEIGHING_CLAUSE = /^(?:结合|综合考虑|统筹考虑|视)/;
const NAME_LABELS = ["金额", "额度", "标准", "数额", "上限", "比例", "资金"], HEDGES = ["原则上"], STANDARD_LABELS = ["标准", "比例"];
/** the payout's own name: 扶持金额, 补助上限原则上 */
const PAYOUT_NAME = new RegExp(`^(?:${INSTRUMENT_WORDS})+的?(?:${alt(NAME_LABELS)})?(?:${alt(HEDGES)})?(?:${CAP_WORDS})?$`);
/** what a PAYOUT_NAME can end with: each of its parts may be the last one written */
const NAME_ENDS = [...INSTRUMENT_LIST, "的", ...NAME_LABELS, ...HEDGES, ...CAP_LIST];
/** the payout's standard before its base: 资助标准原则上不高于产品订货合同的(20%) */
const STANDARD_CLAUSE = new RegExp(`^(?:${INSTRUMENT_WORDS})+的?(?:${alt(STANDARD_LABELS)})(?:为|是)?(?:${alt(HEDGES)})?(?:${CAP_WORDS})?`);
/**
 * PAYOUT_NAME and STANDARD_CLAUSE run only on a clause that opens with a payout word and ends like a name
 * or holds a standard's label (here and in NO_ONE_CLAUSES), from the lists they are built of: on most
 * clauses (支持…) neither runs, nor is compiled.
 */
const isPayoutName = (c: string) => startsWithAny(c, INSTRUMENT_LIST) !== null && endsWithAny(c, NAME_ENDS) !== null && PAYOUT_NAME.test(c);
/** 其余项目资助金额(最高不超过): the payout's name closing a phrase */
const TAIL_LABELS = ["金额", "额度", "标准", "数额", "上限"];
const PAYOUT_NAME_TAIL = new RegExp(`(?:${INSTRUMENT_WORDS})+的?(?:${alt(TAIL_LABELS)})$`);
/** `s` without the payout's name closing it; only a phrase ending in one of its labels is searched */
const withoutPayoutName = (s: string) => (endsWithAny(s, TAIL_LABELS) !== null ? s.replace(PAYOUT_NAME_TAIL, "") : s);
/** who pays before the giving verb, not who receives: 市财政给予, 市以上财政按, 区政府一次性补贴 */
const PAYER_HEAD = new RegExp(`^(?:由)?[^，,；。]{0,8}?(?:财政|政府|公署)(?:局|厅)?(?=给予|予以|按照|按|根据|依据|一次性|每年|安排|${INSTRUMENT_WORDS})`);
const PAYER_ONLY = /^(?:由)?[^，,；。]{0,8}?(?:财政|政府|公署)(?:局|厅)?$/;
/** "扶持的标准为：", "专项资金的补助比例和额度：": a label before the standard, naming no one */
const LABEL_CLAUSE = /^[^，,]{0,10}(?:标准|比例和额度|比例|额度|办法)(?:为|是|如下)?$/;
/** a clause that names no recipient */
/** a step in time or of the procedure: 成功上市后, 除享受上级资金扶持外, 采取一事一议的方式, 按照本办法规定的流程执行 */
const STEP_CLAUSE = /^(?:[^，,]{0,12}后|除[^，,]{1,30}外|采取[^，,]{1,20}方式|按照?[^，,]{1,20}执行)$/;
/**
 * The characters each clause pattern above can start or end with. Most clauses match none of them: a
 * pattern is run (and compiled, on its first run in a process) only on a clause that can match it.
 */
const STEP_LAST = charClass("后外式行"), ENJOY_FIRST = charClass("可按依享申"), TERM_LAST = charClass("年月度内起"), WEIGHING_FIRST = charClass("结综统视");
const PAYER_LAST = charClass("政府署局厅"), LABEL_LAST = charClass("准度例法为是下");
const LIMIT_WORDS = ["期", "贷款"];
/**
 * A gate, as what namesNoOne asks of a clause before a pattern runs: its first or last code unit in a class,
 * its start or end one of some words, or some word inside it. A gate must pass every clause its pattern matches:
 * test/extract/subsidies-gates.test.ts generates matches of each pattern of NO_ONE_GATES and checks its gate,
 * so an edit that lets a pattern outgrow its gate fails there. namesNoOne asks the same of the same objects,
 * written out (a loop over this table, interpreted, cost more than all the tests it gates).
 */
export interface ClauseGate { re: RegExp; first?: CharClass; last?: CharClass; starts?: readonly string[]; ends?: readonly string[]; holds?: readonly string[] }
export const NO_ONE_GATES: readonly ClauseGate[] = [
  { re: STEP_CLAUSE, last: STEP_LAST },
  { re: STANDARD_CLAUSE, first: INSTRUMENT_LEADS, starts: INSTRUMENT_LIST, holds: STANDARD_LABELS },
  { re: PAYOUT_NAME, first: INSTRUMENT_LEADS, starts: INSTRUMENT_LIST, ends: NAME_ENDS },
  { re: ENJOY_CLAUSE, first: ENJOY_FIRST },
  { re: TERM_CLAUSE, last: TERM_LAST },
  { re: LIMIT_CLAUSE, holds: LIMIT_WORDS },
  { re: WEIGHING_CLAUSE, first: WEIGHING_FIRST },
  { re: PAYER_ONLY, last: PAYER_LAST },
  { re: LABEL_CLAUSE, last: LABEL_LAST },
];
function namesNoOne(c: string): boolean {
  const first = c.charCodeAt(0), last = c.charCodeAt(c.length - 1);
  return (STEP_LAST.has(last) && STEP_CLAUSE.test(c))
    || (INSTRUMENT_LEADS.has(first) && startsWithAny(c, INSTRUMENT_LIST) !== null
      && ((holdsAny(c, STANDARD_LABELS) && STANDARD_CLAUSE.test(c)) || (endsWithAny(c, NAME_ENDS) !== null && PAYOUT_NAME.test(c))))
    || (ENJOY_FIRST.has(first) && ENJOY_CLAUSE.test(c)) || (TERM_LAST.has(last) && TERM_CLAUSE.test(c))
    || (holdsAny(c, LIMIT_WORDS) && LIMIT_CLAUSE.test(c)) || (WEIGHING_FIRST.has(first) && WEIGHING_CLAUSE.test(c))
    || (PAYER_LAST.has(last) && PAYER_ONLY.test(c)) || (LABEL_LAST.has(last) && LABEL_CLAUSE.test(c) && !c.endsWith("的"));
}
/** a clause that states a base or basis, not a recipient: 以上一年度生鲜乳加工量为基数 */
const BASIS_CLAUSE = /^(?:以|按|依据|根据)/;
/** who pays, not who receives: 由企业所在旗县(市、区)人民政府（一次性给予…） */
const PAYER_CLAUSE = /^由[^，,]{0,30}(?:财政|政府|公署)$/;

/** The beneficiary phrase of a payout whose lead text (from the previous payout or the clause start) is `lead`. */
export function beneficiaryFromLead(lead: string): string {
  const text = stripMarker(lead.slice(-MAX_CLAUSE).replace(/\s+/g, ""), ITEM_KINDS);
  // "…总部企业，可申请经营规模拓展扶持，扶持的标准为：主营业务收入首次超过…的，分别…": the label parts who
  // (before it) from the condition (after it)
  const colon = Math.max(text.lastIndexOf("："), text.lastIndexOf(":"));
  if (colon >= 0) {
    const clauseAt = Math.max(text.lastIndexOf("，", colon), text.lastIndexOf(",", colon), text.lastIndexOf("。", colon)) + 1;
    if (LABEL_CLAUSE.test(text.slice(clauseAt, colon))) {
      const who = clauseAt > 0 ? phraseOf(text.slice(0, clauseAt)) : "";
      const cond = phraseOf(text.slice(colon + 1));
      if (!who || isWeakBeneficiary(who)) return cond;
      if (!cond || isWeakBeneficiary(cond)) return who;
      // "年度区级贡献在100万元至300万元（含300万元）的" + "总部企业": a condition ending in 的 qualifies a short recipient
      return cond.endsWith("的") && who.length <= 8 && !/[的，,]/.test(who) ? cond + who : `${who}，${cond}`;
    }
  }
  return phraseOf(text);
}

/** A phrase that names no recipient on its own: empty, a scope (单个项目), a term (每年), a payer or the payout itself. */
export function isWeakBeneficiary(who: string): boolean {
  return who.length < 2 || SCOPE_CLAUSE.test(who) && who.length <= 6 || namesNoOne(who) || ISSUER_CLAUSE_RE.test(who);
}

function phraseOf(text: string): string {
  const at = lastMarker(text);
  if (at >= 0) {
    const parts = tidy(cutAtPayout(text.slice(at)).replace(/[，,]?(?:再|并|另|同时)$/, "")).split(/[，,]/);
    while (parts.length > 1 && (ISSUER_CLAUSE_RE.test(parts[parts.length - 1]!) || PAYER_ONLY.test(parts[parts.length - 1]!) || isPayoutName(parts[parts.length - 1]!))) parts.pop();
    parts[parts.length - 1] = withoutPayoutName(parts[parts.length - 1]!);
    // "列入…的项目，居家社区型和医养结合型按…": a short trailing clause names a class of the recipient
    const tail = parts[parts.length - 1]!;
    if (parts.length > 1 && tail.length <= 12 && !tail.includes("的") && /的[^，,]{0,12}$/.test(parts[parts.length - 2]!)) {
      return `${parts.slice(0, -1).join("，")}（${tail}）`;
    }
    // "对于…的规模以上工业企业，对于研发费用增量部分给予…": the first 对 names who, the second what is paid on
    const outer = markerBefore(text, at);
    if (outer >= 0) {
      const who = tidy(text.slice(outer, at).replace(/(?:对于?)$/, ""));
      CUT_RE.lastIndex = 0;
      if (who.length >= 2 && !CUT_RE.test(who) && !/[，,]/.test(who)) return `${who}（${parts.join("，")}）`;
    }
    return parts.join("，");
  }
  // packed lists (made by push); indexed loops: a for-of costs an iterator call per item interpreted
  const clauses: string[] = [];
  const split = text.split(/[，,]/);
  for (let i = 0; i < split.length; i++) if (split[i]!.length) clauses.push(split[i]!.replace(PAYER_HEAD, ""));
  const last = clauses[clauses.length - 1] ?? "";
  const given = recipientAfterGive(last);
  if (given) return tidy(given);
  // the last clause that names someone: cut at its payout word, skip issuers (自治区按照…) and empty rests (每个给予…)
  // each clause cut when the scan from the end reaches it: it mostly stops at the last or the one before
  const kept: (string | null)[] = [];
  for (let i = 0; i < clauses.length; i++) kept.push(null);
  const keptAt = (i: number): string => (kept[i] ??= withoutPayoutName(tidy(cutAtPayoutFrom(clauses[i]!.replace(LEADING_VERB, ""), 0))));
  for (let i = kept.length - 1; i >= 0; i--) {
    const c = keptAt(i);
    if (c.length < 2 || ISSUER_CLAUSE_RE.test(c) || PAYER_CLAUSE.test(c) || SCOPE_CLAUSE.test(c) || PROCEDURE_CLAUSE.test(c) || namesNoOne(c) || namesNoOne(tidy(clauses[i]!))
      || /^(?:即|其中)/.test(c) && c.length < 4) continue;
    if (BASIS_CLAUSE.test(c) && i > 0 && keptAt(i - 1).length >= 2 && !namesNoOne(keptAt(i - 1))) return tidy(`${keptAt(i - 1)}（${c}）`);
    // "企业每吸纳1名…高校毕业生，签订1年以上劳动合同…的，由…给予": a condition ending in 的 starts with the clause before it
    const prev = i > 0 ? tidy(clauses[i - 1]!.replace(LEADING_VERB, "")) : "";
    if (c.endsWith("的") && prev.length >= 4 && !prev.endsWith("的") && !BASIS_CLAUSE.test(prev) && !ISSUER_CLAUSE_RE.test(prev) && !PAYER_CLAUSE.test(prev) && !PROCEDURE_CLAUSE.test(prev) && !namesNoOne(prev) && !prev.includes("给予") && !prev.includes("予以")) {
      return `${prev}，${c}`;
    }
    return c.replace(/^(?:即由|即|由|其中)/, "");
  }
  // nothing but payout words before the amount: keep the last clause that says more than that
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = tidy(cutAtPayoutFrom(clauses[i]!.replace(LEADING_VERB, ""), 2));
    if (/^(?:给予|予以|奖励|奖补|补贴|补助|激励|一次性|分别)/.test(c) || namesNoOne(tidy(clauses[i]!))) continue;
    if (c.length >= 2 && !ISSUER_CLAUSE_RE.test(c) && !SCOPE_CLAUSE.test(c) && !namesNoOne(c)) return c;
  }
  return "";
}

/** words holding a list conjunction that joins nothing: 参与, 以及, 涉及 */
const NOT_SEPARATOR = new Set(["参与", "给与", "以及", "涉及", "普及", "及时", "及其", "和谐", "与其"]);

const DATE_LEAD = /^(?:自|至|到)?\d{4}年\d{1,2}月\d{1,2}日(?:起)?(?:(?:至|到)\d{4}年\d{1,2}月\d{1,2}日(?:止)?)?[，,]?/;

/**
 * Who a tax relief is for: the whole condition before the relief verb, caps
 * included ("月销售额不超过3万元（按季9万元）的小规模纳税人", "不超过500万元的部分").
 */
export function taxBeneficiary(lead: string): string {
  let text = stripMarker(lead.slice(-MAX_CLAUSE).replace(/\s+/g, ""), ITEM_KINDS);
  const at = lastMarker(text);
  if (at >= 0) text = text.slice(at);
  // "按20%的税率缴纳企业所得税，同时延长部分小微企业…等(免征…)": a levy stated before is no part of who
  const levy = /^.*[，,]?[^，,]*税率[^，,]*(?:缴纳|征收|计征)[^，,]*[，,](?:同时)?(?:延长|继续)?/.exec(text);
  if (levy && levy[0].length < text.length - 1) text = text.slice(levy[0].length);
  // the relief's term (3年内) is no part of who qualifies
  return tidy(tidy(text).replace(DATE_LEAD, "").replace(/^(?:对于?)/, "").replace(TERM_START, "").replace(/[，,]?[\d一二三四五六七八九十]{1,2}年内$/, "")
    // "…的广告费支出按规定在(税前扣除)", "…，准予在计算其(应纳税所得额时…扣除)": how the relief is taken is no part of who
    .replace(/[，,]?(?:准予|可以|可)?(?:按规定|按照规定)?(?:在|于)?(?:计算其?)?$/, ""));
}

/** "自该企业取得第一笔生产经营收入所属纳税年度起": when a relief starts, not who gets it */
const TERM_START = /[，,]?自[^，,；。]{1,30}起(?=[，,]|$)/g;
/** a relief clause without a subject of its own: 超过部分减半征收; 第4年至第6年减半征收 */
const CONTINUATION = /^(?:超过|超出|其余|剩余|第[\d一二三四五六七八九十]{1,2}年)/;
const TERM_TAIL = /[，,]?第[\d一二三四五六七八九十]{1,2}年(?:至第[\d一二三四五六七八九十]{1,2}年)?$/;

/** A continuation relief takes the subject of the relief before it, without that relief's own term. */
export function continuedTaxBeneficiary(who: string, previous: string | null): string {
  if (!previous || !CONTINUATION.test(who)) return who;
  return `${previous.replace(TERM_TAIL, "")}，${who}`;
}

/** the separators a list is split at (splitTop's `seps` are drawn from these), and the brackets and quotes it is not split inside */
const LIST_SEPS = "、和及与";
const OPEN_TOP = "（(《“〔[", CLOSE_TOP = "）)》”〕]";
const OPENING_TOP = charClass(OPEN_TOP), CLOSING_TOP = charClass(CLOSE_TOP);
/** every character splitTop acts on: one native search finds the next, where a step per character ran interpreted */
const TOP_MARK = new RegExp(`[${escapeRegExp(OPEN_TOP + CLOSE_TOP + LIST_SEPS)}]`, "g");

/** Split at top-level separators (outside brackets and quotes); `seps` are some of LIST_SEPS. Pieces are slices, empty ones dropped. */
function splitTop(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0, from = 0;
  for (let i = nextOf(TOP_MARK, s, 0); i >= 0; i = nextOf(TOP_MARK, s, i + 1)) {
    const c = s.charCodeAt(i);
    if (OPENING_TOP.has(c)) depth++;
    else if (CLOSING_TOP.has(c)) depth = Math.max(0, depth - 1);
    // 参与, 以及: a separator inside a word joins nothing
    else if (depth === 0 && seps.includes(s[i]!) && !(i > 0 && NOT_SEPARATOR.has(s.slice(i - 1, i + 1))) && !NOT_SEPARATOR.has(s.slice(i, i + 2))) {
      if (i > from) out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  if (s.length > from) out.push(s.slice(from));
  return out;
}

/**
 * 分别 distribution: the beneficiary phrase of a list paid "分别给予 A、B、C"
 * gives one phrase per amount, in order. Tier lists share the rest of the
 * phrase ("主导制定国际、国家（行业）标准的企业" → "主导制定国际标准的企业",
 * "主导制定国家（行业）标准的企业"; "开展I、II、III期临床试验…"). Returns null
 * when the phrase does not split into exactly `n` items.
 *
 * Its lists are packed (shared/arrays.ts: made by push, by split with a regular expression, or changed in
 * place), never made by `.map` or a split with a string: their readers (here, tiersOf, assignBeneficiaries)
 * deoptimized at holey ones.
 */
export function distribute(phrase: string, n: number): string[] | null {
  const s = phrase.slice(0, MAX_CLAUSE).replace(/\s+/g, "");
  const ranged = tierRange(s, n);
  if (ranged) return ranged;
  const amounts = amountTiers(s, n);
  if (amounts) return amounts;
  // a run of exactly n tiers (国家级、自治区级…中心、企业技术中心的): the rest of the phrase is shared. A run starts
  // where a tier word does: one search finds the next such place, not a test and a slice at every character
  for (let i = nextTier(s, 0); i >= 0; i = nextTier(s, i + 1)) {
    const tiers: string[] = [];
    let k = i;
    for (;;) {
      const t = tierAt(s, k);
      if (!t) break;
      tiers.push(t);
      k += t.length;
      if (!"、和及与".includes(s[k] ?? "") || !tierAt(s, k + 1)) break;
      k++;
    }
    if (tiers.length >= 2) {
      if (tiers.length !== n) break;
      for (let j = 0; j < n; j++) tiers[j] = s.slice(0, i) + tiers[j] + s.slice(k);
      return tiers;
    }
  }
  for (const seps of ["和及与", "、", "、和及与"]) {
    const items = splitTop(s, seps);
    if (items.length !== n) continue;
    const first = items[0]!, last = items[n - 1]!;
    const endTier = TIER_END_RE.exec(first);
    // the tier each later item opens with (null when one opens with none); items is splitTop's own array, rewritten in place below
    let tiers: RegExpExecArray[] | null = endTier ? [] : null;
    for (let j = 1; tiers && j < n; j++) {
      TIER_AT.lastIndex = 0;
      const t = TIER_AT.exec(items[j]!);
      if (t) tiers.push(t); else tiers = null;
    }
    if (endTier && tiers) {
      const prefix = first.slice(0, endTier.index);
      const suffix = last.slice(tiers[n - 2]![0].length);
      for (let i = 0; i < n; i++) {
        const it = items[i]!;
        const core = i === 0 ? endTier[0] : it;
        const onlyTier = i === 0 || core === tiers[i - 1]![0];
        items[i] = i === n - 1 ? prefix + it : prefix + core + (onlyTier ? suffix : "");
      }
      return items;
    }
    // "博士后、博士、“双一流”硕士在赤峰市…购买住房的": the last item's condition is shared
    const tail = /^([^的]{1,10}?)((?:在|来|到|于|从)[^、]*的)$/.exec(last);
    if (tail && items.slice(0, -1).every((x) => x.length <= 6 && !x.includes("的"))) {
      for (let i = 0; i < n - 1; i++) items[i] += tail[2]!;
      return items;
    }
    // "绩效评价优秀的众创空间、孵化器": the first item's qualifier (up to its 的) is shared
    const de = first.lastIndexOf("的");
    if (de > 0 && de < first.length - 1 && items.slice(1).every((x) => !x.includes("的"))) {
      const q = first.slice(0, de + 1);
      for (let i = 1; i < n; i++) items[i] = q + items[i];
      return items;
    }
    return items;
  }
  return null;
}

/** the tier word starting at `k` of `s`, or null */
function tierAt(s: string, k: number): string | null {
  TIER_AT.lastIndex = k;
  return TIER_AT.exec(s)?.[0] ?? null;
}
/** where the next tier word of `s` at or after `from` starts, or -1 */
function nextTier(s: string, from: number): number {
  TIER_NEXT.lastIndex = from;
  return TIER_NEXT.exec(s)?.index ?? -1;
}

/** "被评为国家3A-5A级的企业" with three awards: a range of graded tiers (3A, 4A, 5A) is one tier per grade. */
function tierRange(s: string, n: number): string[] | null {
  const m = /(\d)([A-Z]|星)(?:级)?(?:-|—|–|~|～|至|到)(\d)\2/.exec(s);
  if (!m) return null;
  const lo = Number(m[1]), hi = Number(m[3]);
  if (hi - lo + 1 !== n) return null;
  return Array.from({ length: n }, (_, i) => s.slice(0, m.index) + `${lo + i}${m[2]}` + s.slice(m.index + m[0].length));
}

/** an amount alone in a list: 3亿元, ５亿元, 50万 */
const BARE_AMOUNT = /^[\d０-９]+(?:[.．][\d０-９]+)?(?:万|亿|千万|百万)?(?:元|美元)?$/;
/**
 * "主营业务收入首次超过1.5亿元、3亿元、5亿元的" with as many awards: a list of thresholds, each
 * tier the phrase with its own amount (the words before the first and after the last are shared).
 */
function amountTiers(s: string, n: number): string[] | null {
  const items = splitTop(s, "、");
  if (items.length !== n || n < 2) return null;
  const head = /([\d０-９]+(?:[.．][\d０-９]+)?(?:万|亿|千万|百万)?(?:元|美元)?)$/.exec(items[0]!);
  const tail = /^([\d０-９]+(?:[.．][\d０-９]+)?(?:万|亿|千万|百万)?(?:元|美元)?)/.exec(items[n - 1]!);
  if (!head || !tail || !items.slice(1, -1).every((x) => BARE_AMOUNT.test(x))) return null;
  const prefix = items[0]!.slice(0, head.index), suffix = items[n - 1]!.slice(tail[0].length);
  // in place in splitTop's own array, not .map (see distribute)
  items[0] = head[1]!;
  items[n - 1] = tail[1]!;
  for (let i = 0; i < n; i++) items[i] = prefix + items[i] + suffix;
  return items;
}
