import type cliProgress from "cli-progress";
import { loadCliProgress } from "../packages.js";

/**
 * The build's progress bar over its inputs (cli-progress), drawn on a terminal
 * only: when stderr is a pipe or a file, or with --quiet, nothing is written.
 * Cleared when done, so the report that follows starts on a clean line.
 */
export interface Progress {
  /** give to build() as onInput */
  onInput?: (done: number, total: number) => void;
  stop(): void;
}

export async function progressBar(enabled: boolean, to?: NodeJS.WritableStream): Promise<Progress> {
  if (!enabled) return { stop() {} };
  // process.stderr is made when first asked for (a stream, a socket for a pipe): a build that draws no bar never asks
  const stream = to ?? process.stderr;
  // loaded only for a terminal: pipes and files never draw a bar
  const { default: bars } = await loadCliProgress();
  let bar: cliProgress.SingleBar | null = null;
  return {
    onInput(done, total) {
      if (total < 2) return; // one input: nothing to follow
      if (!bar) {
        bar = new bars.SingleBar({
          stream,
          format: "extracting {bar} {value}/{total} inputs · {eta_formatted} left",
          clearOnComplete: true,
          hideCursor: true,
          barsize: 30,
        }, bars.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() { bar?.stop(); bar = null; },
  };
}
