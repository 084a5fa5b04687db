/**
 * A set of BMP characters tested by code unit: `text[i]` makes a one-character
 * string for every CJK character it reads (V8 caches only Latin-1 ones), which
 * on a scan over a whole document is most of the time and garbage. A 64 KiB
 * table read with charCodeAt allocates nothing.
 */
export interface CharClass { has(code: number): boolean }

/** What `\s` matches in a JavaScript regular expression. */
export const WHITESPACE = " \f\n\r\t\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

export function charClass(chars: string): CharClass {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return { has: (code) => table[code] === 1 };
}

/** The first half of a UTF-16 surrogate pair: a text cut right after it splits a character. */
export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * `s` without the run of `cls` characters at its end: what `s.replace(/[…]+$/, "")`
 * does, in linear time. The regular expression tries a match from every member
 * of every run of those characters and scans each run to its end: quadratic on a
 * long run inside the text (10⁵ closing quotes: seconds).
 */
export function trimEndOf(s: string, cls: CharClass): string {
  let e = s.length;
  while (e > 0 && cls.has(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** `s` without the run of `cls` characters at its start (`/^[…]+/` is linear already; this pairs with trimEndOf). */
export function trimStartOf(s: string, cls: CharClass): string {
  let a = 0;
  while (a < s.length && cls.has(s.charCodeAt(a))) a++;
  return a === 0 ? s : s.slice(a);
}
