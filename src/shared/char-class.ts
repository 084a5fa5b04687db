/**
 * A set of BMP characters tested by code unit: `text[i]` makes a one-character
 * string for every CJK character it reads (V8 caches only Latin-1 ones), which
 * on a scan over a whole document is most of the time and garbage. A 64 KiB
 * table read with charCodeAt allocates nothing.
 */
export interface CharClass { has(code: number): boolean }

export function charClass(chars: string): CharClass {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return { has: (code) => table[code] === 1 };
}
