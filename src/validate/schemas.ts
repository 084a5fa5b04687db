import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RECORD_TYPES, type RecordType } from "../generated/records.js";
import { generatedValidators } from "./generated.js";

/** schemas/ is the single source of truth for every record's shape. */
export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "schemas");

export function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), "utf8"));
}

/** What a compiled validator exposes (ajv's ValidateFunction, precompiled or not). */
export interface Validator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}
type Validators = { [T in RecordType]: Validator };

const require = createRequire(import.meta.url);

/** sha256 over every schema file's name and bytes, in name order: what scripts/gen-validators.mjs writes into the validators it makes. */
export function schemaHash(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith(".schema.json")).sort()) {
    h.update(f).update("\0").update(readFileSync(join(SCHEMA_DIR, f))).update("\0");
  }
  return h.digest("hex");
}

/**
 * Validators precompiled by scripts/gen-validators.mjs at build time, when they were
 * made from the schemas on disk; null when missing or stale (then compile at run time).
 */
function precompiled(): Validators | null {
  const mod = generatedValidators() as (Partial<Validators> & { schemaHash?: string }) | null;
  if (!mod) return null;
  if (mod.schemaHash !== schemaHash()) return null;
  return RECORD_TYPES.every((t) => typeof mod[t] === "function") ? (mod as Validators) : null;
}

/** Keywords of schemas/ that only annotate (ajv's strict mode refuses unknown ones): x-enum-meanings gives each enum value's meaning to the codebook (src/emit/fields.ts). */
export const ANNOTATIONS = ["x-enum-meanings"] as const;

/**
 * Whether these schemas' string lengths may be counted in UTF-16 code units (ajv's
 * `unicode: false`: `s.length`) rather than in code points (ajv's default, a loop over
 * every character of every checked text of every record, in a module of ajv's that the
 * validators then load): they judge alike when every length limit is a minLength of at
 * most 1 (a text is empty in both counts or in neither), as all of schemas/ are. Any
 * other limit (a maxLength, a minLength of 2) keeps the code-point count.
 */
export function lengthsByCodeUnits(schemas: readonly unknown[]): boolean {
  let ok = true;
  const visit = (x: unknown): void => {
    if (!ok || x === null || typeof x !== "object") return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const o = x as Record<string, unknown>;
    if ("maxLength" in o || ("minLength" in o && !(typeof o.minLength === "number" && o.minLength <= 1))) ok = false;
    for (const k in o) visit(o[k]);
  };
  for (const s of schemas) visit(s);
  return ok;
}

/**
 * The options the validators are compiled with, here and by scripts/gen-validators.mjs
 * (`code` aside), for the schemas of schemas/: draft 2020-12, every error, strict.
 * `unicode: false` is one of ajv's deprecated options, which it says so of when
 * given: that one line is left out of its log.
 */
export function ajvOptions(schemas: readonly unknown[]): Record<string, unknown> {
  const opts: Record<string, unknown> = { allErrors: true, strict: true, allowUnionTypes: true };
  if (lengthsByCodeUnits(schemas)) {
    opts.unicode = false;
    // ajv's own few arguments, passed on as they came (a message and its detail: never sized by the input)
    opts.logger = { log: console.log, error: console.error, warn: (...a: unknown[]) => { if (!String(a[0]).includes("option unicode")) console.warn.apply(console, a); } };
  }
  return opts;
}

/** Every schema of schemas/, common first. */
function allSchemas(): Record<string, unknown>[] {
  return [loadSchema("common"), ...RECORD_TYPES.map((t) => loadSchema(t))];
}

/** Compile schemas/ with ajv now (draft 2020-12, strict, formats). */
function compileNow(): Validators {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = (require("ajv-formats") as { default: (a: unknown) => void }).default;
  const schemas = allSchemas();
  const ajv = new Ajv2020(ajvOptions(schemas));
  addFormats(ajv);
  for (const k of ANNOTATIONS) ajv.addKeyword(k);
  ajv.addSchema(schemas[0]!);
  const out = {} as Validators;
  RECORD_TYPES.forEach((t, i) => { out[t] = ajv.compile(schemas[i + 1]!); });
  return out;
}

let compiled: Validators | null = null;
let origin: "precompiled" | "runtime" = "runtime";

/** One validator per record type, made once per process. */
export function validators(): Validators {
  if (compiled) return compiled;
  const pre = precompiled();
  origin = pre ? "precompiled" : "runtime";
  compiled = pre ?? compileNow();
  return compiled;
}

/** Where this process's validators came from (the precompiled file, or ajv at run time). */
export function validatorOrigin(): "precompiled" | "runtime" {
  validators();
  return origin;
}

/** The run-time compiled validators, bypassing the precompiled file (tests compare the two). */
export { compileNow as compileValidatorsNow };

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
