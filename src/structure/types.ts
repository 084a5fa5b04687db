import type { Clause } from "./clauses.js";
import type { Source } from "../ingest/source.js";

/** Offsets [start, end) into Source.text. */
import type { Span } from "../shared/span.js";

export type { Span } from "../shared/span.js";

export type PolicyLevel = "national" | "region" | "city" | "district";

/** A heading recognised at the start of a line. Lower level = outer. */
export interface Heading {
  level: number;
  /** the marker as written: `第三十四章`, `（一）`, `专栏24`, `1.` */
  marker: string;
  /** marker plus title text, whitespace-normalised, used in section paths */
  label: string;
  /** true for 专栏 boxes */
  box: boolean;
}

/** One non-blank line of a document (after page-break rejoin: possibly several original lines). */
export interface Block extends Span {
  text: string;
  /** set when the line starts with a heading marker */
  heading?: Heading;
  /** heading path down to and including this block's own heading */
  section: readonly string[];
  /** true when a heading on the path opens a review of past results (发展成就): nothing there is a commitment */
  review: boolean;
  /** label of the 专栏 box the block sits in, if any */
  box?: string;
  /** tab-separated cells (table rows), with spans */
  cells?: Cell[];
}

export interface Cell extends Span { text: string }

/** A sentence (split at 。！？；) inside a block. */
export interface Sentence extends Span {
  text: string;
  block: Block;
  /** its clauses once read (structure/clauses.ts sentenceClauses), else undefined */
  clauses: readonly Clause[] | undefined;
}

/** A table row under a header row (专栏 indicator tables). */
export interface TableRow {
  block: Block;
  cells: Cell[];
  /** header cells of the table this row belongs to */
  header: string[];
  /** first-column category carried down from the row that printed it */
  category?: string;
}

export interface DocumentInfo {
  title: string;
  doc_number: string | null;
  issuer: string | null;
  date: string | null;
  policy_level: PolicyLevel;
  /** region the document governs, e.g. 内蒙古自治区 */
  region: string;
  /** its GB/T 2260 code where it resolves, else null */
  region_code: string | null;
  /** plan year of an annual plan (2025), else null */
  plan_year: number | null;
  /** plan period of a five-year plan, e.g. [2026, 2030], else null */
  plan_period: [number, number] | null;
  /** span of the title's first line */
  titleSpan: Span;
}

/** One policy document inside a source file, with its structure. */
export interface Doc extends Span {
  source: Source;
  info: DocumentInfo;
  blocks: Block[];
  sentences: Sentence[];
  tables: TableRow[];
}
