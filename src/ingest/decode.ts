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

/** Decoded text held as consecutive pieces, each but the last ending with a line feed. */
export interface DecodedPieces { pieces: string[]; encoding: Encoding; warnings?: string[] }

/** Replacement characters a lossy decode introduced (those already in the bytes count too: rare). */
function replaced(pieces: readonly string[]): number {
  let n = 0;
  for (const text of pieces) for (let i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) n++;
  return n;
}

/**
 * Bytes are decoded this many at a time, cut after a line feed (0x0A is never part
 * of a longer sequence in UTF-8 or GB18030, and a streaming decoder gives the text
 * a single call gives wherever the cuts fall), so each piece is whole lines. A
 * piece stays below V8's regular object size; the text of a whole file decoded at
 * once is a large object with freshly mapped pages, on this machine ~40% of the
 * decoding time (c6 decoded: 26-36 -> 12-15 ms).
 */
const CHUNK = 32 * 1024;

function decodePieces(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array): string[] {
  const pieces: string[] = [];
  let from = 0;
  do {
    let nl = bytes.length - from <= CHUNK ? -1 : bytes.lastIndexOf(0x0a, from + CHUNK - 1);
    if (nl < from && bytes.length - from > CHUNK) nl = bytes.indexOf(0x0a, from + CHUNK);
    const to = nl < 0 ? bytes.length : nl + 1;
    pieces.push(decoder.decode(bytes.subarray(from, to), { stream: true }));
    from = to;
  } while (from < bytes.length);
  // every piece is streamed and the end flushed by a call of its own, a text of one piece too: a call that
  // does not stream, before any that does, takes node's UTF-8 fast path, V8's decoder, which on Chinese
  // text costs twice ICU's streaming converter (~55 against ~33 instructions a byte; c6: 3.6 against 1.6 ns)
  const end = decoder.decode();
  if (end) pieces[pieces.length - 1] += end;
  return pieces;
}

/** How a decoder's bytes become strings: in line-aligned pieces (decodePieces), or whole (one string). */
type Split = (decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array) => string[];
const whole: Split = (decoder, bytes) => [decoder.decode(bytes)];

function lossy(encoding: Encoding, bytes: Uint8Array, split: Split): DecodedPieces {
  const pieces = split(new TextDecoder(encoding), bytes);
  const n = replaced(pieces);
  return n ? { pieces, encoding, warnings: [`${n} invalid ${encoding.toUpperCase()} byte sequence(s) replaced by U+FFFD`] } : { pieces, encoding };
}

/** Bytes → text in line-aligned pieces (see the top of this file for how the encoding is decided). */
export function decodeInPieces(bytes: Uint8Array): DecodedPieces {
  return decodeAs(bytes, decodePieces);
}

/**
 * Bytes → one string (HTML reads its markup whole). Decoded whole, not in pieces
 * joined: the pieces and their join would both be alive at once, the input's text
 * twice over (an HTML page of 48 MB).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const { pieces, encoding, warnings } = decodeAs(bytes, whole);
  const text = pieces[0]!;
  return warnings ? { text, encoding, warnings } : { text, encoding };
}

function decodeAs(bytes: Uint8Array, split: Split): DecodedPieces {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return lossy("utf-8", bytes.subarray(3), split);
  // UTF-16 that does not decode (an odd byte count) is garbage, not a damaged text: fail loudly
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { pieces: [new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2))], encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { pieces: [new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2))], encoding: "utf-16be" };
  const utf8 = lossy("utf-8", bytes, split);
  if (!utf8.warnings) return utf8;
  let nonAscii = 0;
  for (const text of utf8.pieces) for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) nonAscii++;
  if (replaced(utf8.pieces) * 100 <= nonAscii) return utf8;
  try {
    return { pieces: split(new TextDecoder("gb18030", { fatal: true }), bytes), encoding: "gb18030" };
  } catch {
    const gb = lossy("gb18030", bytes, split);
    return replaced(gb.pieces) < replaced(utf8.pieces) ? gb : utf8;
  }
}

/**
 * True when decoded text (whole, or in pieces) is not a text document: NUL bytes or a high share of
 * control characters / replacement characters (binary input, wrong format).
 * Both are found by native searches over the first 64 Ki characters: a loop over
 * every code unit of them ran interpreted for each input of a build.
 */
const ODD = /[\x01-\x08\x0b\x0e-\x1f\ufffd]/g;

export function looksBinary(text: string | readonly string[]): boolean {
  let n = 0, bad = 0;
  for (const piece of typeof text === "string" ? [text] : text) {
    if (n === 65536) break;
    const head = piece.length > 65536 - n ? piece.slice(0, 65536 - n) : piece;
    if (head.includes("\0")) return true;
    ODD.lastIndex = 0;
    while (ODD.test(head)) bad++; // test moves lastIndex past each: no match array
    n += head.length;
  }
  return n > 0 && bad / n > 0.02;
}
