/**
 * Exact decimals: value = int × 10^-scale with a bigint, so Chinese amounts
 * are scaled without float multiplication (16.4亿 → 1640000000, never
 * 1639999999.9999998).
 */
export interface Dec { readonly int: bigint; readonly scale: number }

export function decFromString(s: string): Dec | null {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s.replace(/,/g, ""));
  if (!m) return null;
  const frac = m[3] ?? "";
  const int = BigInt((m[2] ?? "0") + frac) * (m[1] ? -1n : 1n);
  return { int, scale: frac.length };
}

export function decFromInt(n: bigint | number): Dec {
  return { int: BigInt(n), scale: 0 };
}

/** Multiply by 10^k (k may be negative). */
export function mulPow10(d: Dec, k: number): Dec {
  if (k >= d.scale) return { int: d.int * 10n ** BigInt(k - d.scale), scale: 0 };
  return trim({ int: d.int, scale: d.scale - k });
}

export function mulDec(a: Dec, b: Dec): Dec {
  return trim({ int: a.int * b.int, scale: a.scale + b.scale });
}

export function addDec(a: Dec, b: Dec): Dec {
  const s = Math.max(a.scale, b.scale);
  return trim({ int: a.int * 10n ** BigInt(s - a.scale) + b.int * 10n ** BigInt(s - b.scale), scale: s });
}

/** Drop trailing zeros of the fraction. */
function trim(d: Dec): Dec {
  let { int, scale } = d;
  while (scale > 0 && int % 10n === 0n) { int /= 10n; scale--; }
  return { int, scale };
}

export function decToString(d: Dec): string {
  const t = trim(d);
  const neg = t.int < 0n;
  let s = (neg ? -t.int : t.int).toString();
  if (t.scale > 0) {
    s = s.padStart(t.scale + 1, "0");
    s = `${s.slice(0, s.length - t.scale)}.${s.slice(s.length - t.scale)}`;
  }
  return (neg ? "-" : "") + s;
}

/** The JS number nearest to the exact decimal (exact for every integer below 2^53). */
export function decToNumber(d: Dec): number {
  return Number(decToString(d));
}
