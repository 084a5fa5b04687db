import { decodeInPieces, looksBinary } from "./decode.js";
import { InputError } from "./errors.js";
import type { SourcePieces } from "./source.js";

/**
 * Plain text: original lines are kept exactly (CRLF and CR count as one break).
 * The text is held in the pieces it was decoded in (whole lines each): normalize
 * builds it once from them.
 */
export function readTxt(file: string, bytes: Uint8Array): SourcePieces {
  let decoded;
  try {
    decoded = decodeInPieces(bytes);
  } catch {
    throw new InputError(file, "not valid text in UTF-8, UTF-16 or GB18030");
  }
  if (looksBinary(decoded.pieces)) throw new InputError(file, "binary content, not a text document");
  // a piece ends after a line feed, so a CRLF is never split between two; most pieces hold no CR,
  // which indexOf, a search for one code unit, tells faster than the pattern's search
  const texts = decoded.pieces.map((t) => (t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t));
  if (texts.every((t) => !t.trim())) throw new InputError(file, "empty file: no text");
  return decoded.warnings ? { file, format: "txt", texts, warnings: decoded.warnings } : { file, format: "txt", texts };
}
