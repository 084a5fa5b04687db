import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { charClass } from "../shared/char-class.js";

/**
 * The records of a `<type>.json` this tool wrote, one at a time, in bounded
 * memory: the file is read in pieces (reopened at its offset for each, so a
 * merge of many shards holds no descriptor open), and memory holds one piece
 * and one record whatever the file's size.
 *
 * It reads the writer's own layout (src/emit/json.ts `jsonItems`): `[`, then
 * objects indented by two spaces, separated by `,`. A top-level object ends at
 * the first "\n  }" after its start: a nested object or array closes deeper,
 * and a JSON string holds no raw line break. Anything else is an error naming
 * the offset (the shard's manifest hash was checked first, so that means a
 * file this tool did not write).
 */
/** the whitespace JSON allows between values */
const WS = charClass(" \t\n\r");

export class RecordReader {
  private buf = "";
  /** where the unread text starts in `buf` */
  private at = 0;
  /** bytes of the file read so far */
  private offset = 0;
  private eof = false;
  private readonly decoder = new StringDecoder("utf8");
  private started = false;
  /** the closing ] was read */
  private ended = false;
  private ahead: Record<string, unknown> | null | undefined = undefined;

  constructor(readonly path: string, private readonly piece = 1 << 16) {}

  /** The next record without taking it (null at the end). */
  peek(): Record<string, unknown> | null {
    if (this.ahead === undefined) this.ahead = this.read();
    return this.ahead;
  }

  /** Take the next record (null at the end). */
  next(): Record<string, unknown> | null {
    const r = this.peek();
    this.ahead = undefined;
    return r;
  }

  private fill(): boolean {
    if (this.eof) return false;
    const fd = openSync(this.path, "r");
    try {
      const bytes = Buffer.allocUnsafe(this.piece);
      const n = readSync(fd, bytes, 0, this.piece, this.offset);
      this.offset += n;
      if (n === 0) { this.eof = true; this.buf = this.buf.slice(this.at) + this.decoder.end(); this.at = 0; return this.buf.length > 0; }
      // drop what was read before appending: the buffer holds one piece and the record in hand
      this.buf = this.buf.slice(this.at) + this.decoder.write(bytes.subarray(0, n));
      this.at = 0;
      return true;
    } finally {
      closeSync(fd);
    }
  }

  /** The next character that is not whitespace, taken (null at the end of the file). */
  private token(): string | null {
    for (;;) {
      while (this.at < this.buf.length && WS.has(this.buf.charCodeAt(this.at))) this.at++;
      if (this.at < this.buf.length) return this.buf[this.at++]!;
      if (!this.fill()) return null;
    }
  }

  private read(): Record<string, unknown> | null {
    if (this.ended) return null;
    // "[" then "{" or "]" first; "," then "{", or "]", after a record
    let c = this.token();
    if (!this.started) {
      this.started = true;
      if (c !== "[") throw new Error(`${this.path}: not the layout this tool writes (no [ at its start)`);
      c = this.token();
    } else if (c === ",") c = this.token();
    else if (c !== "]") throw new Error(`${this.path}: not the layout this tool writes near byte ${this.offset}`);
    if (c === "]") { this.ended = true; return null; }
    if (c !== "{") throw new Error(`${this.path}: not the layout this tool writes near byte ${this.offset}`);
    this.at--; // the record starts at its {
    let start = this.at;
    /** how far past `start` a record end has been looked for already */
    let searched = 0;
    for (;;) {
      const end = this.buf.indexOf("\n  }", start + searched);
      if (end >= 0) {
        const text = this.buf.slice(start, end + 4);
        this.at = end + 4;
        try { return JSON.parse(text) as Record<string, unknown>; } catch (e) {
          throw new Error(`${this.path}: a record that is no JSON near byte ${this.offset} (${(e as Error).message})`);
        }
      }
      // look only at new text next time (less the 3 characters a match could straddle): linear in the record's size
      searched = Math.max(0, this.buf.length - 3 - start);
      this.at = start;
      if (!this.fill()) throw new Error(`${this.path}: ends inside a record`);
      start = 0; // fill() dropped the text before the record
    }
  }
}
