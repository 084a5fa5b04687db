/**
 * What each worker thread of the input pool loads (src/parallel/pool.ts): the job
 * function of extract-worker.ts, from its bundle with V8's code cache when the
 * build made one (src/launch.ts). Imported as modules, a worker spent about 170 ms
 * loading before its first input.
 */
import { loadEntry, WORKER } from "../launch.js";
import type runJob from "./extract-worker.js";

const { default: run } = await loadEntry<{ default: typeof runJob }>(WORKER);
export default run;
