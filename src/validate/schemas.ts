import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { RECORD_TYPES, type RecordType } from "../generated/records.js";

/** schemas/ is the single source of truth; this compiles it once per process. */
export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "schemas");

export function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), "utf8"));
}

let compiled: { [T in RecordType]: ValidateFunction } | null = null;

export function validators(): { [T in RecordType]: ValidateFunction } {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  // ajv-formats is CommonJS: under NodeNext its callable is on .default
  const addFormats = (addFormatsModule as unknown as { default: (a: Ajv2020) => void }).default ?? addFormatsModule;
  (addFormats as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(loadSchema("common"));
  const out = {} as { [T in RecordType]: ValidateFunction };
  for (const t of RECORD_TYPES) out[t] = ajv.compile(loadSchema(t));
  compiled = out;
  return out;
}

export interface ValidationIssue { type: RecordType; source_file: string; source_line: number; message: string }

/** Check records of one type; returns one issue per invalid record. */
export function validateRecords(type: RecordType, records: readonly unknown[]): ValidationIssue[] {
  const v = validators()[type];
  const issues: ValidationIssue[] = [];
  for (const r of records) {
    if (v(r)) continue;
    const rec = r as { source_file?: string; source_line?: number };
    const message = (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    issues.push({ type, source_file: rec.source_file ?? "?", source_line: rec.source_line ?? 0, message });
  }
  return issues;
}
