import { RECORD_TYPES, type RecordType } from "../generated/records.js";
import { loadSchema } from "../validate/schemas.js";

/**
 * What schemas/ says about each column of each record type, in one shape for
 * every output that describes or types columns: the workbook (cell types,
 * column order), the codebook (codebook.md, the codebook sheet, README tables)
 * and the review pages. schemas/ stays the single source of truth.
 */
export type FieldKind = "string" | "integer" | "number" | "date" | "list" | "enum";

export interface EnumValue { value: string | null; meaning: string }

export interface FieldInfo {
  type: RecordType;
  name: string;
  kind: FieldKind;
  nullable: boolean;
  /** the schema's description ("" when it gives none) */
  meaning: string;
  /** enum fields: each allowed value with its meaning (x-enum-meanings) */
  values: EnumValue[];
  /** id, source_*, quote: where a record comes from, not what it says */
  bookkeeping: boolean;
}

interface PropSchema {
  $ref?: string;
  type?: string | string[];
  enum?: Array<string | null>;
  pattern?: string;
  description?: string;
  "x-enum-meanings"?: Record<string, string>;
}

/** An ISO date pattern (YYYY-MM-DD, or YYYY-MM with an optional day) marks a date column. */
const DATE_PATTERN = /^\^\\d\{4\}-\\d\{2\}/;
const isBookkeeping = (name: string) => name === "id" || name === "quote" || name.startsWith("source_");

interface TypeSchema { description?: string; properties: Record<string, PropSchema> }

/**
 * A type's schema, read and parsed once per process: its columns, their fields and
 * its description are each asked for by several outputs of every build.
 */
function schemaOf(type: RecordType): TypeSchema {
  let s = schemaMemo.get(type);
  if (!s) schemaMemo.set(type, (s = loadSchema(type) as unknown as TypeSchema));
  return s;
}
const schemaMemo = new Map<RecordType, TypeSchema>();

let commonDefs: Record<string, PropSchema> | null = null;
function resolve(p: PropSchema): PropSchema {
  if (!p.$ref) return p;
  commonDefs ??= (loadSchema("common") as { $defs: Record<string, PropSchema> }).$defs;
  const def = commonDefs[p.$ref.split("#/$defs/")[1]!];
  if (!def) throw new Error(`schemas/: unresolved $ref ${p.$ref}`);
  return { ...def, description: p.description ?? def.description };
}

function kindOf(p: PropSchema): FieldKind {
  if (p.enum) return "enum";
  const types = (Array.isArray(p.type) ? p.type : [p.type]).filter((t) => t !== "null");
  if (types.includes("array")) return "list";
  if (types.includes("number")) return "number";
  if (types.includes("integer")) return "integer";
  if (types.includes("string") && p.pattern && DATE_PATTERN.test(p.pattern)) return "date";
  return "string";
}

function fieldOf(type: RecordType, name: string, raw: PropSchema): FieldInfo {
  const p = resolve(raw);
  const nullable = p.enum ? p.enum.includes(null) : Array.isArray(p.type) && p.type.includes("null");
  const meanings = p["x-enum-meanings"] ?? {};
  const values = (p.enum ?? []).map((v) => ({ value: v, meaning: meanings[v === null ? "null" : v] ?? "" }));
  return { type, name, kind: kindOf(p), nullable, meaning: p.description ?? "", values, bookkeeping: isBookkeeping(name) };
}

const memo = new Map<RecordType, FieldInfo[]>();

/** The columns of a type in schema order (the CSV's order). */
export function fieldsOf(type: RecordType): FieldInfo[] {
  let f = memo.get(type);
  if (!f) {
    f = Object.entries(schemaOf(type).properties).map(([name, p]) => fieldOf(type, name, p));
    memo.set(type, f);
  }
  return f;
}

/** CSV columns of a type: the schema's properties, in schema order (a copy: the schema is read once). */
export function schemaColumns(type: RecordType): string[] {
  let c = columnMemo.get(type);
  if (!c) columnMemo.set(type, (c = Object.keys(schemaOf(type).properties)));
  return [...c];
}
const columnMemo = new Map<RecordType, readonly string[]>();

/**
 * The workbook's column order: what the record says first, then where it comes
 * from (id, source_*, quote), so the first printed page shows content.
 */
export function readingOrder(type: RecordType): readonly FieldInfo[] {
  let order = orderMemo.get(type);
  if (!order) {
    const f = fieldsOf(type);
    orderMemo.set(type, (order = [...f.filter((x) => !x.bookkeeping), ...f.filter((x) => x.bookkeeping)]));
  }
  return order;
}
/** made once per type: every batch of rows asks for it */
const orderMemo = new Map<RecordType, readonly FieldInfo[]>();

/** The schema's one-line description of a record type. */
export function typeDescription(type: RecordType): string {
  return String(schemaOf(type).description ?? "");
}

export { RECORD_TYPES };
