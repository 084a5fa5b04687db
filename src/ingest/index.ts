import { constants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { ingestDocx } from "./docx.js";
import { InputError } from "./errors.js";
import { normalize } from "./normalize.js";
import { ingestPdf } from "./pdf.js";
import type { Source, SourcePieces } from "./source.js";
import { readTxt } from "./txt.js";

/** A reader turns one input's bytes into text with its position map (whole, or in pieces of whole lines), or throws InputError. */
type Reader = (file: string, bytes: Uint8Array) => Source | SourcePieces | Promise<Source | SourcePieces>;

/** HTML's tokenizer and entity tables are loaded by the first HTML input, not by every build. */
const ingestHtml: Reader = async (file, bytes) => (await import("./html.js")).ingestHtml(file, bytes);

/**
 * Which reader reads which file extension (lower case). A new input format is
 * one reader module and one row here.
 */
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  [".txt", readTxt],
  [".html", ingestHtml],
  [".htm", ingestHtml],
  [".pdf", ingestPdf],
  [".docx", ingestDocx],
]);

export const SUPPORTED_EXTENSIONS: readonly string[] = [...READERS.keys()];

/** Bytes of one input → normalised Source with its position map. Throws InputError on bad input. */
export async function ingestBytes(file: string, bytes: Uint8Array): Promise<Source> {
  const ext = extname(file).toLowerCase();
  if (bytes.length === 0) throw new InputError(file, "empty file");
  const read = READERS.get(ext);
  if (!read) throw new InputError(file, `unsupported file type '${ext || "(none)"}' (use ${SUPPORTED_EXTENSIONS.join(", ")})`);
  return normalize(await read(file, bytes));
}

/** Why a path cannot be read, in words for the `FILE: reason` line. */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT": return "no such file (or a dangling link)";
    case "EACCES": case "EPERM": return "permission denied";
    case "EISDIR": return "is a directory, not a file";
    case "ELOOP": return "symbolic link loop";
    case "ENAMETOOLONG": return "file name too long";
    case "ENXIO": return "not a regular file (a socket or a device with nothing behind it)";
    default: return `cannot read (${code ?? (e as Error).message})`;
  }
}

/** Read one input's bytes; a path that cannot be read throws InputError. */
/** Default input size limit: far above any policy document, far below what exhausts memory. */
export const DEFAULT_MAX_INPUT_BYTES = 200 * 1024 * 1024;

const KIND: Array<[keyof Stats, string]> = [
  ["isFIFO", "a named pipe"], ["isCharacterDevice", "a character device"], ["isBlockDevice", "a block device"],
  ["isSocket", "a socket"], ["isDirectory", "a directory"],
];

/**
 * Read one input's bytes; a path that cannot be read throws InputError. Only
 * regular files are read: the file is opened without blocking (a named pipe
 * would otherwise wait forever) and checked before a byte is read, so a link to
 * /dev/zero or a socket is refused, and so is a file above the size limit.
 */
export async function readInput(path: string, maxBytes: number = DEFAULT_MAX_INPUT_BYTES): Promise<Uint8Array> {
  let fh;
  try {
    // refuse what is no regular file before opening it: opening a socket fails, a device may have side effects
    const pre = await stat(path);
    if (pre.isDirectory()) throw new InputError(basename(path), readFailure({ code: "EISDIR" }));
    if (!pre.isFile()) {
      const kind = KIND.find(([k]) => (pre[k] as () => boolean).call(pre))?.[1] ?? "a special file";
      throw new InputError(basename(path), `not a regular file (${kind})`);
    }
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(basename(path), readFailure(e));
  }
  try {
    const st = await fh.stat(); // again on the open file: it may have been swapped since
    if (!st.isFile()) {
      const kind = KIND.find(([k]) => (st[k] as () => boolean).call(st))?.[1] ?? "a special file";
      throw new InputError(basename(path), `not a regular file (${kind})`);
    }
    if (st.size > maxBytes) {
      throw new InputError(basename(path), `larger than the input limit (${mb(st.size)} > ${mb(maxBytes)}; see --max-input-mb)`);
    }
    const bytes = await fh.readFile();
    if (bytes.length > maxBytes) throw new InputError(basename(path), `larger than the input limit (grew while read; see --max-input-mb)`);
    return bytes;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(basename(path), readFailure(e));
  } finally {
    await fh.close();
  }
}

const mb = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`);

export async function ingestFile(path: string): Promise<Source> {
  return ingestBytes(basename(path), await readInput(path));
}

export { InputError, type Source };
