import { normalizedValue, type Quantity } from "./numbers.js";

/**
 * Money amounts on top of the number grammar: `yuanOf` reads 元 and 万元 but
 * not a rate written in the unit (500元/月, 20万元/年, 4000元/头). Here the
 * per-suffix is split off: the amount is still exact yuan, and the suffix
 * says what it is paid per.
 */
export interface Money { yuan: number; per: string | null }

export function moneyOf(q: Quantity, which = q.value): Money | null {
  const n = q.unitNormalized;
  if (n !== "yuan" && !n?.startsWith("yuan/")) return null;
  const unit = q.unit ?? "";
  const slash = unit.indexOf("/");
  return { yuan: normalizedValue(q, which), per: slash >= 0 ? unit.slice(slash) : null };
}
