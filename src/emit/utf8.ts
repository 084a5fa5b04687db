import { transcode } from "node:buffer";

/**
 * Text made UTF-8, the output's encoding. V8 encodes a two-byte string (any text
 * holding Chinese) one code unit at a time, about 20 instructions each (and
 * TextEncoder.encode reads it twice, to size its buffer first): that was most of
 * the cost of writing a build's files. Node's `transcode` from UTF-16 runs simdutf
 * (vector instructions, a few per code unit) once the string's own code units are
 * copied out (a copy of memory). It refuses a text holding a lone surrogate, where
 * Buffer.write and TextEncoder put U+FFFD: that text, and a short one (not worth
 * the calls), is encoded as before. Both give the one UTF-8 of a well-formed text,
 * so the bytes are the same either way.
 */

/** Code units below which a text is encoded by V8 (the calls and the buffer cost more than they save). */
const MIN_UNITS = 1024;
/**
 * Code units above which a text is encoded by V8 too: the copy of a text's code
 * units is kept for the next one, and kept no larger than twice the pieces the
 * writers encode (src/emit/atomic.ts, render.ts: about 2²⁰ code units at most).
 */
const MAX_UNITS = 1 << 21;

/** The code units of the text being encoded, as UTF-16LE bytes (grown as needed, up to MAX_UNITS). */
let units: Buffer | null = null;

/** `text` as UTF-8 by simdutf, in a buffer of its own; null where V8 must encode it (its size, or a lone surrogate). */
function bySimd(text: string): Buffer | null {
  const n = text.length;
  if (n < MIN_UNITS || n > MAX_UNITS) return null;
  if (!units || units.length < 2 * n) units = Buffer.allocUnsafeSlow(Math.max(2 * n, 1 << 15));
  try {
    return transcode(units.subarray(0, units.write(text, 0, "utf16le")), "utf16le", "utf8");
  } catch {
    return null; // a lone surrogate: V8 writes U+FFFD in its place
  }
}

/** `text` as UTF-8 into `buf` at `at`, which has room for 3 bytes per code unit; the number of bytes written. */
export function writeUtf8(text: string, buf: Buffer, at: number): number {
  const utf8 = bySimd(text);
  if (!utf8) return buf.write(text, at, "utf8");
  buf.set(utf8, at);
  return utf8.length;
}

const encoder = new TextEncoder();

/** `text` as UTF-8 in a buffer of its own (never a slice of a shared pool: it can be moved to another thread). */
export function utf8Of(text: string): Uint8Array {
  return bySimd(text) ?? encoder.encode(text);
}
