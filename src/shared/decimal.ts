/**
 * Exact decimals: value = int × 10^-scale with a bigint, so Chinese amounts
 * are scaled without float multiplication (16.4亿 → 1640000000, never
 * 1639999999.9999998).
 */
export interface Dec { readonly int: bigint; readonly scale: number }

export function decFromString(s: string): Dec | null {
  // every number the scan reads takes the plain path: no regular expression, match array or substrings
  const plain = plainDecimal(s);
  if (plain) return plain;
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s.replace(/,/g, ""));
  if (!m) return null;
  const frac = m[3] ?? "";
  const int = BigInt((m[2] ?? "0") + frac) * (m[1] ? -1n : 1n);
  return { int, scale: frac.length };
}

/** digits that fit a double exactly (below 2^53): read into a number, not a bigint of a string */
const SAFE_DIGITS = 15;
/**
 * `s` as decFromString reads it when it is written `-?\d+(\.\d+)?` (no thousands separator), or
 * null for anything else (decFromString's regular expression then decides). One pass by code unit.
 */
function plainDecimal(s: string): Dec | null {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const neg = i === 1;
  let acc = 0, digits = 0, dot = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) { acc = acc * 10 + (c - 48); digits++; }
    else if (c === 46 /* . */ && dot < 0 && digits > 0) dot = i;
    else return null;
  }
  // a dot needs digits on both sides
  if (!digits || dot === n - 1) return null;
  const scale = dot < 0 ? 0 : n - 1 - dot;
  let int = digits <= SAFE_DIGITS ? BigInt(acc) : BigInt(dot < 0 ? s.slice(neg ? 1 : 0) : s.slice(neg ? 1 : 0, dot) + s.slice(dot + 1));
  if (neg) int = -int;
  return { int, scale };
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
  // an integer converts as its decimal string parses (both round to the nearest double): no string, no trim
  if (d.scale === 0) return Number(d.int);
  return Number(decToString(d));
}
