import { createRequire } from "node:module";

/**
 * Swap two directories in one step with the native addon (native/exchange.c:
 * renameat2 RENAME_EXCHANGE on Linux, renamex_np RENAME_SWAP on macOS), built by
 * node-gyp when the package is installed. Returns false when the addon is missing
 * or the system or filesystem cannot exchange, so the caller can fall back.
 */
type Addon = { exchange(a: string, b: string): void };

let addon: Addon | null | undefined;

function load(): Addon | null {
  if (addon !== undefined) return addon;
  try {
    addon = createRequire(import.meta.url)("../../build/Release/exchange.node") as Addon;
  } catch {
    addon = null;
  }
  return addon;
}

/** Whether an atomic exchange is available in this installation. */
export function canExchange(): boolean {
  return load() !== null;
}

/** Codes meaning "this system or filesystem cannot exchange": fall back, do not fail. */
const UNSUPPORTED = new Set(["ENOSYS", "EINVAL", "ENOTSUP", "EUNKNOWN"]);

export function exchangeDirs(a: string, b: string): boolean {
  const x = load();
  if (!x || process.env.POLICY_EXTRACT_NO_EXCHANGE) return false;
  try {
    x.exchange(a, b);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (UNSUPPORTED.has(code)) return false;
    const err = new Error(`${(e as Error).message}: exchange ${a} and ${b}`) as NodeJS.ErrnoException;
    err.code = code;
    throw err;
  }
}
