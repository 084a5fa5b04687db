import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Tables a module derives from the data, written once by `npm run build`
 * (scripts/gen-tables.mjs, into dist/generated/) so that a process reads them
 * instead of deriving them at every start, when none of the deriving code has
 * been compiled yet (the gazetteer's trie, the division stems of project names).
 * The module's own derivation stays the source of truth: a test compares each
 * table with it, and a module reads its table only when the table was written
 * after the module was compiled (a bare `tsc` since leaves it stale: the module
 * then derives its own, as it does under vitest, which runs the sources).
 *
 * A table is JSON (`.json`) or, when it is mostly numbers, binary (`.bin`,
 * decodeTable below): parsing the gazetteer's 45 000 numbers and escaped names
 * as JSON was about 19 M instructions of every process's start.
 */

/** dist/generated/, beside this module's folder (dist/shared/) */
const GENERATED = join(dirname(fileURLToPath(import.meta.url)), "..", "generated");

/** The table `file` of dist/generated/, or null when it is missing or older than the module at `moduleUrl` (its import.meta.url). */
export function builtTable<T>(moduleUrl: string, file: string): T | null {
  try {
    const path = join(GENERATED, file);
    if (statSync(path).mtimeMs < statSync(fileURLToPath(moduleUrl)).mtimeMs) return null;
    if (file.endsWith(".bin")) return decodeTable(readFileSync(path)) as T;
    // ASCII (scripts/gen-tables.mjs escapes the rest): read as Latin-1, the bytes are the text, with no UTF-8 to decode
    return JSON.parse(readFileSync(path, "latin1")) as T;
  } catch {
    return null;
  }
}

/**
 * A binary table: an object whose fields are strings or arrays of integers.
 * Layout: a 4-byte little-endian length H, then H bytes of ASCII JSON naming each
 * field as [name, kind, length], then each field's data in that order, each
 * starting at a multiple of 4 bytes. Kinds: "latin1" (a string of one-byte code
 * units), "utf16" (a string, its UTF-16 code units little-endian), "u16" and "i32"
 * (integers). A string is decoded natively and a number array read in place as a
 * typed array: no number or escape is parsed.
 */
type FieldKind = "latin1" | "utf16" | "u16" | "i32";
const BYTES: Record<FieldKind, number> = { latin1: 1, utf16: 2, u16: 2, i32: 4 };
const align4 = (n: number) => (n + 3) & ~3;

export type TableValue = string | ArrayLike<number>;

/** The binary form of `table` (its fields strings or integer arrays), as decodeTable reads it. */
export function encodeTable(table: Record<string, TableValue>): Buffer {
  const fields: Array<[string, FieldKind, number]> = [];
  const data: Buffer[] = [];
  for (const [name, value] of Object.entries(table)) {
    let kind: FieldKind;
    let bytes: Buffer;
    if (typeof value === "string") {
      kind = /^[\x00-\xff]*$/.test(value) ? "latin1" : "utf16";
      bytes = Buffer.from(value, kind === "latin1" ? "latin1" : "utf16le");
    } else {
      const list = Array.from(value);
      if (!list.every((x) => Number.isInteger(x) && x >= -0x80000000 && x <= 0x7fffffff)) throw new Error(`table field ${name}: not 32-bit integers`);
      kind = list.every((x) => x >= 0 && x <= 0xffff) ? "u16" : "i32";
      bytes = Buffer.from(kind === "u16" ? Uint16Array.from(list).buffer : Int32Array.from(list).buffer);
    }
    fields.push([name, kind, bytes.length / BYTES[kind]]);
    data.push(bytes, Buffer.alloc(align4(bytes.length) - bytes.length));
  }
  const header = Buffer.from(JSON.stringify(fields), "latin1");
  const head = Buffer.alloc(align4(4 + header.length));
  head.writeUInt32LE(header.length, 0);
  header.copy(head, 4);
  return Buffer.concat([head, ...data]);
}

/** The table encodeTable wrote: strings as strings, integer arrays as typed arrays over the bytes (copied only when not aligned). */
export function decodeTable(buf: Buffer): Record<string, TableValue> {
  const headerLength = buf.readUInt32LE(0);
  const fields = JSON.parse(buf.toString("latin1", 4, 4 + headerLength)) as Array<[string, FieldKind, number]>;
  const out: Record<string, TableValue> = {};
  let at = align4(4 + headerLength);
  for (const [name, kind, length] of fields) {
    const size = length * BYTES[kind];
    if (kind === "latin1") out[name] = buf.toString("latin1", at, at + size);
    else if (kind === "utf16") out[name] = buf.toString("utf16le", at, at + size);
    else {
      const unit = BYTES[kind];
      const offset = buf.byteOffset + at;
      const buffer = offset % unit === 0 ? buf.buffer : buf.buffer.slice(offset, offset + size);
      const from = offset % unit === 0 ? offset : 0;
      out[name] = kind === "u16" ? new Uint16Array(buffer, from, length) : new Int32Array(buffer, from, length);
    }
    at += align4(size);
  }
  return out;
}
