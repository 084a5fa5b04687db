import type { RecordType } from "../../generated/records.js";
import type { Source } from "../../ingest/source.js";
import { VERSION } from "../../version.js";
import { sourceLines } from "./lines.js";
import { reviewPage } from "./page.js";

/**
 * The review page of one input, begun where its Source is at hand (extraction):
 * its lines are taken now, the page is made as it is read (src/emit/review/page.ts).
 */
export function reviewOf(src: Source, records: Readonly<Record<string, readonly Record<string, unknown>[]>>, types: readonly RecordType[]): Iterable<string> {
  return reviewPage({ file: src.file, types, records, lines: sourceLines(src), text: src.text, version: VERSION });
}

export { reviewPageName } from "./page.js";
