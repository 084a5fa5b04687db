import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { InputError } from "./errors.js";
import { ingestHtml } from "./html.js";
import { normalize } from "./normalize.js";
import { ingestPdf } from "./pdf.js";
import type { Source } from "./source.js";
import { ingestTxt } from "./txt.js";

export const SUPPORTED_EXTENSIONS = [".txt", ".html", ".htm", ".pdf"] as const;

/** Bytes of one input → normalised Source with its position map. Throws InputError on bad input. */
export async function ingestBytes(file: string, bytes: Uint8Array): Promise<Source> {
  const ext = extname(file).toLowerCase();
  if (bytes.length === 0) throw new InputError(file, "empty file");
  let raw: Source;
  if (ext === ".txt") raw = ingestTxt(file, bytes);
  else if (ext === ".html" || ext === ".htm") raw = ingestHtml(file, bytes);
  else if (ext === ".pdf") raw = await ingestPdf(file, bytes);
  else throw new InputError(file, `unsupported file type '${ext || "(none)"}' (use .txt, .html or .pdf)`);
  return normalize(raw);
}

export async function ingestFile(path: string): Promise<Source> {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : `cannot read (${code ?? (e as Error).message})`;
    throw new InputError(file, reason);
  }
  return ingestBytes(file, bytes);
}

export { InputError, type Source };
