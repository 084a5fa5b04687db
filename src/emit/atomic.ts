import { createHash, type Hash } from "node:crypto";
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isHighSurrogate } from "../shared/char-class.js";
import { exchangeDirs } from "./exchange.js";
import { utf8Of, writeUtf8 } from "./utf8.js";
import { asWriteError, OutputWriteError } from "./output-errors.js";

export { OutputError, OutputWriteError } from "./output-errors.js";
export { checkOutPath, checkReplaceable } from "./out-guard.js";

/*
 * How a build publishes its output directory (README, "Output swap"):
 *   1. take the lock `.<out>.lock` beside it (one build per output at a time);
 *   2. write every file into a fresh temp dir `.<out>-tmp-<pid>-XXXXXX` beside it;
 *   3. swap the temp dir and `out/` in ONE rename(2) step: renameat2(RENAME_EXCHANGE)
 *      (src/emit/exchange.ts). A reader sees the previous build or the new one, at
 *      every instant, even if the build is killed;
 *   4. remove the temp dir, which now holds the previous build; release the lock.
 * Without the native exchange (addon not built, filesystem cannot exchange) step 3 is
 * two renames: out/ → `.<out>-old-<pid>`, temp → out/. Between the two there is no
 * out/; a build killed there is repaired by the next one, which renames the old
 * directory back before anything else.
 */
const tmpPrefix = (abs: string) => `.${basename(abs)}-tmp-`;
const oldPrefix = (abs: string) => `.${basename(abs)}-old-`;
const lockPath = (abs: string) => join(dirname(abs), `.${basename(abs)}.lock`);

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

const pidOf = (name: string, prefix: string) => Number(/^(\d+)(?:-|$)/.exec(name.slice(prefix.length))?.[1]);

/** Cleanup to run if the process is stopped by a signal (see onSignalCleanup). */
const cleanups = new Set<() => void>();

/** Run every pending cleanup synchronously: used by the CLI's SIGINT/SIGTERM handlers. */
export function runCleanups(): void {
  for (const c of [...cleanups]) { try { c(); } catch { /* best effort while exiting */ } }
  cleanups.clear();
}
// the launcher's signal handlers (bin/policy-extract.js) find the cleanup here
(globalThis as Record<symbol, unknown>)[Symbol.for("policy-extract.cleanup")] = runCleanups;

/** An exclusive lock on one output directory: a file created with O_EXCL holding the pid. */
class OutputLock {
  private constructor(readonly path: string) {}

  static acquire(abs: string): OutputLock {
    const path = lockPath(abs);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, "wx");
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return new OutputLock(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "EEXIST") throw asWriteError(abs, e);
        const pid = Number(readFileSync(path, "utf8").trim() || NaN);
        if (Number.isInteger(pid) && pid > 0 && alive(pid) && pid !== process.pid) {
          throw new OutputWriteError(abs, `another build (pid ${pid}) is writing this output; try again when it ends`);
        }
        // a killed build's lock: take it over
        try { unlinkSync(path); } catch { /* raced with another build: retry decides */ }
      }
    }
    throw new OutputWriteError(abs, "another build is writing this output; try again when it ends");
  }

  release(): void {
    try { unlinkSync(this.path); } catch { /* already gone */ }
  }
}

/**
 * What killed builds left beside `abs`: a moved-aside previous output with no
 * out/ (killed between the two renames of the fallback swap) is put back;
 * temp dirs of dead builds are removed. Runs under the lock.
 */
async function repair(abs: string): Promise<void> {
  const dir = dirname(abs);
  const names = await readdir(dir).catch(() => [] as string[]);
  const targetExists = await stat(abs).then(() => true, () => false);
  // the prefixes once: the parent can hold thousands of entries (a home directory, /tmp), and
  // building them per entry was most of a small build's start-up there
  const old = oldPrefix(abs), tmp = tmpPrefix(abs);
  for (const n of names.filter((x) => x.startsWith(old)).sort()) {
    const pid = pidOf(n, old);
    if (pid === process.pid || alive(pid)) continue;
    if (!targetExists) { await rename(join(dir, n), abs); return repair(abs); }
    await rm(join(dir, n), { recursive: true, force: true });
  }
  for (const n of names.filter((x) => x.startsWith(tmp))) {
    const pid = pidOf(n, tmp);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) {
      await rm(join(dir, n), { recursive: true, force: true });
    }
  }
}

const EMPTY = new Uint8Array(0);

/** Characters of a string encoded at once by FileSink.write. */
const STRING_PIECE = 1 << 20;
/**
 * Bytes of appended pieces gathered before they are written. Pieces are encoded
 * into this buffer a few thousand characters at a time (GATHER_CHARS), so a piece
 * (a sheet row, a source line, often a substring that keeps its whole input text
 * alive) is let go soon, and no joined string of more than that is ever made.
 */
const APPEND_BYTES = 1 << 18;

/**
 * Characters of short appended pieces joined before they are encoded: a review
 * page's lines and a sheet's rows are short, and encoding each into the buffer
 * on its own cost more than the encoding itself. A piece is kept no longer than
 * until this many characters follow it.
 */
const GATHER_CHARS = 1 << 13;
/** Bytes written by copying them into the buffer rather than on their own. */
const SMALL_BYTES = APPEND_BYTES >> 2;

/**
 * Bytes that scratch files (see FileSink) together keep in memory, and the most
 * they may: past it, the one that would go over writes what it holds to its file.
 */
export interface ScratchMemory { bytes: number; most: number }

/** An output file open for appending; its sha256 and size are known when it is closed. */
export class FileSink {
  /** -1 while a scratch file is held in memory */
  private fd = -1;
  /**
   * A scratch file's bytes while they are held in memory (within `memory`): a
   * small build's sheet rows are never written to disk and read back, which cost
   * two copies through the kernel and was slow and uneven on a busy machine
   */
  private held: Uint8Array[] | null = null;
  private heldBytes = 0;
  /** null for a scratch file, whose sum nobody reads */
  private readonly hash: Hash | null;
  private closed = false;
  /** appended text, encoded, not yet written: buf[0, used) */
  private buf: Buffer | null = null;
  private used = 0;
  /** appended text not yet encoded (under GATHER_CHARS) */
  private text = "";
  /** a high surrogate that ended the last piece: it is encoded with what follows, so a pair split over two pieces stays one character */
  private carry = "";

  /** `memory`: a scratch file (unhashed) held in memory within this budget; its file is opened when it goes over */
  constructor(readonly path: string, private readonly wrap: (e: unknown) => unknown, hashed = true, private readonly memory: ScratchMemory | null = null) {
    this.hash = hashed ? createHash("sha256") : null;
    if (memory) this.held = [];
    else this.open();
  }

  private open(): void {
    try { this.fd = openSync(this.path, "w"); } catch (e) { throw this.wrap(e); }
  }

  write(data: string | Uint8Array): void {
    // a few bytes (a worker's batch of records) join the buffer: one system call per 256 KiB, not one per batch
    if (typeof data !== "string" && data.length <= SMALL_BYTES) {
      this.settle();
      if (data.length > APPEND_BYTES - this.used) this.flushBytes();
      this.buf ??= Buffer.allocUnsafe(APPEND_BYTES);
      this.buf.set(data, this.used);
      this.used += data.length;
      return;
    }
    // a short text (a CSV header, a JSON file's closing "\n]\n") joins it too, encoded whole as
    // before: what was appended is settled first, and a high surrogate ending it is not kept for what follows
    if (typeof data === "string" && data.length < GATHER_CHARS) {
      this.settle();
      this.encode(data);
      this.settle();
      return;
    }
    this.flush();
    if (typeof data === "string") this.writeText(data);
    else this.writeBytes(data);
  }

  /**
   * Append a piece of text (a review page's line, a sheet's row): pieces are
   * encoded into one buffer and written APPEND_BYTES at a time, in order with
   * `write`: few system calls, and never a whole long text in memory at once.
   * The bytes are those of all the text appended and written, in order, as one string.
   */
  append(piece: string): void {
    // short pieces are joined as text first: one encoding call per few thousand characters, not one per line
    if (piece.length < GATHER_CHARS) {
      this.text += piece;
      if (this.text.length >= GATHER_CHARS) this.encodeText();
      return;
    }
    this.encodeText();
    this.encode(piece);
  }

  /** Encode the text gathered by `append`. */
  private encodeText(): void {
    if (!this.text) return;
    const t = this.text;
    this.text = "";
    this.encode(t);
  }

  private encode(piece: string): void {
    if (this.carry) { piece = this.carry + piece; this.carry = ""; }
    if (piece.length && isHighSurrogate(piece.charCodeAt(piece.length - 1))) {
      this.carry = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (piece.length * 3 > APPEND_BYTES - this.used) {
      this.flushBytes();
      if (piece.length * 3 > APPEND_BYTES) { this.writeText(piece); return; }
    }
    this.buf ??= Buffer.allocUnsafe(APPEND_BYTES);
    this.used += writeUtf8(piece, this.buf, this.used);
  }

  /** Write what was appended (a high surrogate left at the end has nothing more to pair with). */
  private flush(): void {
    this.settle();
    this.flushBytes();
  }

  /** Encode what was appended into the buffer, a high surrogate left at the end too. */
  private settle(): void {
    this.encodeText();
    if (this.carry) {
      if (APPEND_BYTES - this.used < 3) this.flushBytes();
      this.buf ??= Buffer.allocUnsafe(APPEND_BYTES);
      this.used += this.buf.write(this.carry, this.used, "utf8"); // U+FFFD, as in the whole string
      this.carry = "";
    }
  }

  private flushBytes(): void {
    if (!this.used) return;
    // held: the buffer itself is kept, and the next bytes go into a new one
    if (this.hold(this.buf!.subarray(0, this.used))) { this.buf = null; this.used = 0; return; }
    // written at once (writeSync) and hashed, so the buffer can be filled again
    this.writeBytes(this.buf!.subarray(0, this.used));
    this.used = 0;
  }

  /** Keep bytes (not to be changed after) in memory if this is a held scratch file with room left; else write what it held, and say no. */
  private hold(b: Uint8Array): boolean {
    if (!this.held) return false;
    if (this.memory!.bytes + b.length <= this.memory!.most) {
      this.held.push(b);
      this.heldBytes += b.length;
      this.memory!.bytes += b.length;
      return true;
    }
    const held = this.held;
    this.held = null;
    this.memory!.bytes -= this.heldBytes;
    this.heldBytes = 0;
    this.open();
    for (const h of held) this.writeBytes(h);
    return false;
  }

  private writeText(data: string): void {
    // a long text (a review page of a whole input: tens of MB) is encoded a piece at a
    // time, so its UTF-8 copy is never held whole; a piece never ends between the
    // two halves of a surrogate pair, so the bytes are those of the whole string
    for (let at = 0; at < data.length;) {
      let end = Math.min(at + STRING_PIECE, data.length);
      if (end < data.length && isHighSurrogate(data.charCodeAt(end - 1))) end--;
      this.writeBytes(utf8Of(at === 0 && end === data.length ? data : data.slice(at, end)));
      at = end;
    }
  }

  private writeBytes(b: Uint8Array): void {
    // a held scratch file keeps a copy: `b` may be a buffer that is filled again
    if (this.held && this.hold(Uint8Array.prototype.slice.call(b))) return;
    try {
      for (let at = 0; at < b.length;) at += writeSync(this.fd, b, at, b.length - at);
    } catch (e) { throw this.wrap(e); }
    this.hash?.update(b);
  }

  /** Close the file; returns its sha256 (hex), or "" for a file opened unhashed. */
  close(): string {
    if (!this.closed) {
      this.flush();
      // the writer keeps every sink it opened (to close them on abort): a closed one keeps no buffer
      this.buf = null;
      this.closed = true;
      if (this.fd >= 0) try { closeSync(this.fd); } catch (e) { throw this.wrap(e); }
    }
    return this.hash ? this.hash.digest("hex") : "";
  }

  /** The file's bytes read back, in pieces of `size` (a scratch file on its way into the workbook); held bytes are let go as they are read. */
  *read(size = 1 << 20): Generator<Uint8Array> {
    if (this.held) {
      const held = this.held;
      this.held = [];
      this.memory!.bytes -= this.heldBytes;
      this.heldBytes = 0;
      for (let i = 0; i < held.length; i++) { const b = held[i]!; held[i] = EMPTY; yield b; }
      return;
    }
    const fd = openSync(this.path, "r");
    try {
      const buf = Buffer.allocUnsafe(size);
      for (let n; (n = readSync(fd, buf, 0, size, null)) > 0;) yield buf.subarray(0, n);
    } finally { closeSync(fd); }
  }
}

/**
 * Build an output directory atomically: files go into a fresh temp dir beside
 * the target, which is then swapped in (see the comment at the top). A build
 * that fails or is killed before the swap leaves the previous dir whole.
 */
export class AtomicDir {
  private done = false;
  private readonly cleanup: () => void;

  private constructor(readonly target: string, readonly tmp: string, private readonly lock: OutputLock) {
    this.cleanup = () => { rmSync(this.tmp, { recursive: true, force: true }); this.lock.release(); };
    cleanups.add(this.cleanup);
  }

  static async open(target: string): Promise<AtomicDir> {
    const abs = resolve(target);
    try {
      await mkdir(dirname(abs), { recursive: true });
    } catch (e) { throw asWriteError(target, e); }
    const lock = OutputLock.acquire(abs);
    // a signal while the temp dir is being made must not leave the lock (or the dir) behind:
    // until the AtomicDir takes over, this cleanup is the pending one
    let tmp: string | null = null;
    const early = () => { if (tmp) rmSync(tmp, { recursive: true, force: true }); lock.release(); };
    cleanups.add(early);
    try {
      await repair(abs);
      // the pid in the name lets a later build tell a dead build's leftovers from a running one's
      // made synchronously: an asynchronous mkdtemp has the directory on disk before its name
      // reaches this code, and a signal in between would leave it behind
      tmp = mkdtempSync(join(dirname(abs), `${tmpPrefix(abs)}${process.pid}-`));
      // mkdtemp creates 0700; the published directory is an ordinary readable one
      chmodSync(tmp, 0o755);
      const dir = new AtomicDir(abs, tmp, lock);
      cleanups.delete(early);
      return dir;
    } catch (e) {
      cleanups.delete(early);
      early();
      throw asWriteError(target, e);
    }
  }

  /** Write one output file whole; `name` may hold sub-folders (review/index.html). */
  async write(name: string, data: string | Uint8Array): Promise<void> {
    const f = this.file(name);
    f.write(data);
    f.close();
  }

  /**
   * A file written piece by piece (a dataset larger than memory): its bytes go
   * straight to disk and through a sha256, for the manifest (unless `hashed` is
   * false: scratch space, removed before commit, which `memory` lets keep its
   * bytes in memory within that budget).
   */
  file(name: string, hashed = true, memory: ScratchMemory | null = null): FileSink {
    const path = join(this.tmp, name);
    try {
      if (name.includes("/")) mkdirSync(dirname(path), { recursive: true });
      return new FileSink(path, (e) => asWriteError(this.target, e), hashed && !memory, memory);
    } catch (e) { throw asWriteError(this.target, e); }
  }

  /** Remove a file or folder written into the temp dir (scratch space) before commit. */
  remove(name: string): void {
    rmSync(join(this.tmp, name), { recursive: true, force: true });
  }

  /** Publish the temp dir as the target in one step (or two renames without the native exchange). */
  async commit(): Promise<void> {
    try {
      const exists = await stat(this.target).then(() => true, () => false);
      if (!exists) {
        await rename(this.tmp, this.target);
      } else if (!exchangeDirs(this.tmp, this.target)) {
        const old = join(dirname(this.target), `${oldPrefix(this.target)}${process.pid}`);
        await rename(this.target, old);
        try { await rename(this.tmp, this.target); } catch (e) { await rename(old, this.target); throw e; }
        await rename(old, this.tmp); // the previous build, removed below like after an exchange
      }
      await rm(this.tmp, { recursive: true, force: true });
    } catch (e) {
      throw asWriteError(this.target, e);
    } finally {
      this.finish();
    }
  }

  async abort(): Promise<void> {
    if (this.done) return;
    await rm(this.tmp, { recursive: true, force: true });
    this.finish();
  }

  private finish(): void {
    this.done = true;
    cleanups.delete(this.cleanup);
    this.lock.release();
  }
}
