import type { Block } from "../../structure/types.js";

/**
 * 预期性 / 约束性 as plans write it outside an indicator table's 属性 column:
 * - a mark right after the value ("森林覆盖率达到53%（约束性）");
 * - a lead-in of the paragraph before the value ("约束性指标：…", "主要预期目标是：…");
 * - a heading above it ("第一节 预期目标", "（二）约束性指标"), the nearest one on the path.
 * A heading or lead naming both kinds ("预期性和约束性指标") decides nothing.
 */
export type Binding = "expected" | "binding";

const MARK_AFTER = /^[^，。；,;（(]{0,16}[（(](预期性|约束性)(?:指标)?[)）]/;
const LEAD = /(预期性|约束性|预期)(?:指标|目标)(?:是|为|主要有|主要是|包括)?[：:]/g;
/** a heading that names the kind of the indicators below it ends with it (（二）约束性指标, 第一节 预期目标); 强化约束性指标管理 does not */
const HEADING_KIND = /(?:预期性|约束性|预期)(?:指标|目标)?(?:[（(][^（）()]{0,10}[)）])?[：:。]?$/;
const IN_HEADING = /预期|约束/g;

function kindOf(words: string[]): Binding | null {
  const kinds = new Set(words.map((w) => (w.startsWith("约束") ? "binding" : "expected")));
  return kinds.size === 1 ? [...kinds][0]! : null;
}

/** Lead-ins of a block, read once per block (a block may be one 10 MB line holding 10⁵ targets). */
const LEADS = new WeakMap<Block, Array<{ at: number; kind: Binding }>>();

function leadsOf(text: string, block: Block): Array<{ at: number; kind: Binding }> {
  let leads = LEADS.get(block);
  if (!leads) {
    leads = [];
    LEAD.lastIndex = 0;
    const t = text.slice(block.start, block.end);
    let m: RegExpExecArray | null;
    while ((m = LEAD.exec(t))) leads.push({ at: block.start + m.index, kind: m[1]!.startsWith("约束") ? "binding" : "expected" });
    LEADS.set(block, leads);
  }
  return leads;
}

/** Binding of a target whose value starts at `offset` (in Source.text) inside `block`, or null when the text says nothing. */
export function bindingAt(text: string, block: Block, offset: number): Binding | null {
  const mark = MARK_AFTER.exec(text.slice(offset, Math.min(block.end, offset + 30)));
  if (mark) return mark[1]!.startsWith("约束") ? "binding" : "expected";
  // the last lead-in before the value inside its paragraph (binary search: leads are in text order)
  const leads = leadsOf(text, block);
  let lo = 0, hi = leads.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (leads[mid]!.at < offset) lo = mid + 1; else hi = mid; }
  if (lo > 0) return leads[lo - 1]!.kind;
  for (let i = block.section.length - 1; i >= 0; i--) {
    const label = block.section[i]!;
    if (!HEADING_KIND.test(label)) continue;
    return kindOf(label.match(IN_HEADING) ?? []);
  }
  return null;
}
