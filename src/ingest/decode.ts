/**
 * Bytes → string, decided by the evidence (README, "Inputs"):
 * 1. a BOM decides (UTF-8, UTF-16LE/BE);
 * 2. valid UTF-8 is UTF-8;
 * 3. mostly valid UTF-8 (at most 1 invalid sequence per 100 non-ASCII characters,
 *    as when a few bytes were damaged) is UTF-8, each bad sequence replaced by
 *    U+FFFD and a warning recorded for the input;
 * 4. bytes that decode cleanly as GB18030 are GB18030 (Chinese text in GBK/GB2312
 *    is practically never valid UTF-8);
 * 5. otherwise the decoding with fewer replaced sequences, with a warning.
 * Never `gbk`: it breaks 4-byte GB18030 sequences.
 */
export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface Decoded { text: string; encoding: Encoding; warnings?: string[] }

/** Replacement characters a lossy decode introduced (those already in the bytes count too: rare). */
function replaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) n++;
  return n;
}

function lossy(encoding: Encoding, bytes: Uint8Array): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  const n = replaced(text);
  return n ? { text, encoding, warnings: [`${n} invalid ${encoding.toUpperCase()} byte sequence(s) replaced by U+FFFD`] } : { text, encoding };
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return lossy("utf-8", bytes.subarray(3));
  // UTF-16 that does not decode (an odd byte count) is garbage, not a damaged text: fail loudly
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2)), encoding: "utf-16be" };
  const utf8 = lossy("utf-8", bytes);
  if (!utf8.warnings) return utf8;
  let nonAscii = 0;
  for (let i = 0; i < utf8.text.length; i++) if (utf8.text.charCodeAt(i) >= 0x80) nonAscii++;
  if (replaced(utf8.text) * 100 <= nonAscii) return utf8;
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
  } catch {
    const gb = lossy("gb18030", bytes);
    return replaced(gb.text) < replaced(utf8.text) ? gb : utf8;
  }
}

/**
 * True when decoded text is not a text document: NUL bytes or a high share of
 * control characters / replacement characters (binary input, wrong format).
 * Both are found by native searches over the first 64 Ki characters: a loop over
 * every code unit of them ran interpreted for each input of a build.
 */
const ODD = /[\x01-\x08\x0b\x0e-\x1f\ufffd]/g;

export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  if (n === 0) return false;
  const head = n < text.length ? text.slice(0, n) : text;
  if (head.includes("\0")) return true;
  let bad = 0;
  ODD.lastIndex = 0;
  while (ODD.test(head)) bad++; // test moves lastIndex past each: no match array
  return bad / n > 0.02;
}
