import { ISSUER_CLAUSE_RE, SPECIFIC_RE, GENERIC_RE, TIER_END_RE, TIER_START_RE } from "./lexicon.js";

/**
 * Who qualifies, in the source's words. Policy lists write the condition
 * phrase before the payout: "对首次认定的高新技术企业给予一次性30万元…",
 * "列为国家多式联运示范工程并验收合格的项目，每个给予…", "给予国家城乡交通运输
 * 一体化示范县投资补助300万元". The phrase runs from the last 对 (a
 * preposition: at a clause start or after an adverb, never 针对/对接) to the
 * first payout word.
 */
export const MARKER_RE = /(?:^|[，,；;。、）)\s]|并|再|同时|重点|优先|继续|可|均|将)对于?(?![此其接外标])/g;
const CUT_RE = /给予|予以|按照|减按|按(?![季期时])|分别|一次性|每(?![年月])|奖励|奖补|补贴|补助|激励|贴息|免征|减半征收|提供|可享受/g;
const LEADING_VERB = /^(?:其中|支持|鼓励|引导|推动|对于|对)[，,]?/;

/** Offset just after the last 对-marker in `lead`, or -1. */
export function lastMarker(lead: string): number {
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null, at = -1;
  while ((m = MARKER_RE.exec(lead))) { at = m.index + m[0].length; MARKER_RE.lastIndex = m.index + Math.max(1, m[0].length); }
  return at;
}

/** Cut a condition phrase at the first payout word (not at its first two characters: 对按新化学药品注册分类…). */
function cutAtPayout(s: string): string {
  CUT_RE.lastIndex = 2;
  const m = CUT_RE.exec(s);
  return m ? s.slice(0, m.index) : s;
}

const tidy = (s: string) => s.replace(/\s+/g, "").replace(/^[，,、；;。：:]+|[，,、；;：:]+$/g, "");

/** "给予国家城乡交通运输一体化示范县投资补助": the recipient between 给予 and the instrument. */
function recipientAfterGive(clause: string): string | null {
  const m = /^(?:给予|予以)(.{2,60})$/.exec(clause);
  if (!m) return null;
  let s = m[1]!;
  SPECIFIC_RE.lastIndex = 0;
  const sp = SPECIFIC_RE.exec(s);
  GENERIC_RE.lastIndex = 0;
  const ge = sp ? null : GENERIC_RE.exec(s);
  const cut = sp ?? ge;
  if (cut) s = s.slice(0, cut.index);
  s = s.replace(/(?:一次性|年度|投资|运营|建设|研发|科研|经费|资金)+$/, "");
  return s.length >= 2 ? s : null;
}

/** The beneficiary phrase of a payout whose lead text (from the previous payout or the clause start) is `lead`. */
export function beneficiaryFromLead(lead: string): string {
  const text = lead.replace(/\s+/g, "");
  const at = lastMarker(text);
  if (at >= 0) return tidy(cutAtPayout(text.slice(at)));
  const clauses = text.split(/[，,]/).filter((c) => c.length);
  const last = clauses[clauses.length - 1] ?? "";
  const given = recipientAfterGive(last);
  if (given) return tidy(given);
  const kept = cutAtPayout(text.replace(LEADING_VERB, "")).split(/[，,]/).map((c) => c.trim()).filter((c) => c.length);
  while (kept.length > 1 && ISSUER_CLAUSE_RE.test(kept[kept.length - 1]!)) kept.pop();
  return tidy(kept.join("，").replace(LEADING_VERB, ""));
}

/** Split at top-level separators (outside brackets and quotes). */
function splitTop(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = "";
  for (const c of s) {
    if ("（(《“〔[".includes(c)) depth++;
    else if ("）)》”〕]".includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.includes(c)) { out.push(cur); cur = ""; continue; }
    cur += c;
  }
  out.push(cur);
  return out.filter((x) => x.length);
}

/**
 * 分别 distribution: the beneficiary phrase of a list paid "分别给予 A、B、C"
 * gives one phrase per amount, in order. Tier lists share the rest of the
 * phrase ("主导制定国际、国家（行业）标准的企业" → "主导制定国际标准的企业",
 * "主导制定国家（行业）标准的企业"; "开展I、II、III期临床试验…"). Returns null
 * when the phrase does not split into exactly `n` items.
 */
export function distribute(phrase: string, n: number): string[] | null {
  const s = phrase.replace(/\s+/g, "");
  for (const seps of ["和及与", "、", "、和及与"]) {
    const items = splitTop(s, seps);
    if (items.length !== n) continue;
    const first = items[0]!, last = items[n - 1]!;
    const endTier = TIER_END_RE.exec(first);
    const tiers = items.slice(1).map((x) => TIER_START_RE.exec(x));
    if (endTier && tiers.every((t) => t)) {
      const prefix = first.slice(0, endTier.index);
      const suffix = last.slice(tiers[n - 2]![0].length);
      return items.map((it, i) => {
        const core = i === 0 ? endTier[0] : it;
        const onlyTier = i === 0 || core === tiers[i - 1]![0];
        return i === n - 1 ? prefix + it : prefix + core + (onlyTier ? suffix : "");
      });
    }
    return items;
  }
  return null;
}
