import { decodeBytes, looksBinary } from "./decode.js";
import { InputError } from "./errors.js";
import { sourceFromLines, type Source } from "./source.js";

/** Plain text: original lines are kept exactly (CRLF and CR count as one break). */
export function ingestTxt(file: string, bytes: Uint8Array): Source {
  let text: string;
  let warnings: string[] | undefined;
  try {
    ({ text, warnings } = decodeBytes(bytes));
  } catch {
    throw new InputError(file, "not valid text in UTF-8, UTF-16 or GB18030");
  }
  if (looksBinary(text)) throw new InputError(file, "binary content, not a text document");
  text = text.replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new InputError(file, "empty file: no text");
  const src = sourceFromLines(file, "txt", text);
  return warnings ? { ...src, warnings } : src;
}
