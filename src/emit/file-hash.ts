import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";

/**
 * The sha256 (hex) of a file, read in pieces: checking a build's manifest
 * (`validate`, `merge`) holds one piece in memory, not the workbook or a
 * record file whole. Null when the file cannot be read.
 */
export function fileSha256(path: string, piece = 1 << 20): string | null {
  let fd: number;
  try { fd = openSync(path, "r"); } catch { return null; }
  try {
    const hash = createHash("sha256");
    const buf = Buffer.allocUnsafe(piece);
    for (let n; (n = readSync(fd, buf, 0, piece, null)) > 0;) hash.update(buf.subarray(0, n));
    return hash.digest("hex");
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
