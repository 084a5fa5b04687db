import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { ingestDocx } from "./docx.js";
import { InputError } from "./errors.js";
import { ingestHtml } from "./html.js";
import { normalize } from "./normalize.js";
import { ingestPdf } from "./pdf.js";
import type { Source } from "./source.js";
import { ingestTxt } from "./txt.js";

/** A reader turns one input's bytes into text with its position map, or throws InputError. */
type Reader = (file: string, bytes: Uint8Array) => Source | Promise<Source>;

/**
 * Which reader reads which file extension (lower case). A new input format is
 * one reader module and one row here.
 */
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  [".txt", ingestTxt],
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
    default: return `cannot read (${code ?? (e as Error).message})`;
  }
}

/** Read one input's bytes; a path that cannot be read throws InputError. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new InputError(basename(path), readFailure(e));
  }
}

export async function ingestFile(path: string): Promise<Source> {
  return ingestBytes(basename(path), await readInput(path));
}

export { InputError, type Source };
