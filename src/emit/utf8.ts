import { transcode } from "node:buffer";

/**
 * Text written as UTF-8, the output's encoding. V8 encodes a two-byte string (any
 * text holding Chinese) one code unit at a time, about 20 instructions each: that
 * was most of the cost of writing a build's files. Node's `transcode` from UTF-16
 * runs simdutf (vector instructions, a few per code unit) once the string's own
 * code units are copied out (a copy of memory). It refuses a text holding a lone
 * surrogate, where Buffer.write puts U+FFFD: that text, and a short one (not worth
 * the calls), is written as before. Both give the one UTF-8 of a well-formed text,
 * so the bytes are the same either way.
 */

/** Code units below which a text is encoded by Buffer.write (the calls and the buffer cost more than they save). */
const MIN_UNITS = 1024;
/** Code units above which a text is encoded by Buffer.write too: the copy of its code units is kept for the next text, and is kept small. */
const MAX_UNITS = 1 << 17;

/** The code units of the text being encoded, as UTF-16LE bytes (grown as needed, up to MAX_UNITS). */
let units: Buffer | null = null;

/** `text` as UTF-8 into `buf` at `at`, which has room for 3 bytes per code unit; the number of bytes written. */
export function writeUtf8(text: string, buf: Buffer, at: number): number {
  const n = text.length;
  if (n < MIN_UNITS || n > MAX_UNITS) return buf.write(text, at, "utf8");
  if (!units || units.length < 2 * n) units = Buffer.allocUnsafeSlow(Math.max(2 * n, 1 << 15));
  const bytes = units.write(text, 0, "utf16le");
  let utf8: Buffer;
  try {
    utf8 = transcode(units.subarray(0, bytes), "utf16le", "utf8");
  } catch {
    return buf.write(text, at, "utf8"); // a lone surrogate: U+FFFD in its place, as Buffer.write writes it
  }
  buf.set(utf8, at);
  return utf8.length;
}
