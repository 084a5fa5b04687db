/** The output path cannot be used: empty, dangerous, a file, or a directory this tool did not write (exit 2). */
export class OutputError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = "OutputError";
  }
}

/** The output could not be written: disk full, read-only, permission, another build busy (exit 4). */
export class OutputWriteError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = "OutputWriteError";
  }
}

const WRITE_REASONS: Record<string, string> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EIO: "input/output error",
  EMFILE: "too many open files",
  ENOTDIR: "a parent of the output is not a directory",
};

/** An error met while writing the output, as one OutputWriteError line (others pass through). */
export function asWriteError(path: string, e: unknown): unknown {
  if (e instanceof OutputWriteError || e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code && WRITE_REASONS[code]) return new OutputWriteError(path, `cannot write the output (${WRITE_REASONS[code]}); previous output kept`);
  return e;
}
