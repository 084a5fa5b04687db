/** Library API of policy-extract: the CLI is a thin shell over these. */
export { build, extractInputs, extractSource, columnsOf, listInputs, type BuildOptions, type BuildResult, type Records, type InputFailure } from "./api.js";
export { ingestBytes, ingestFile, InputError, SUPPORTED_EXTENSIONS } from "./ingest/index.js";
export type { Source } from "./ingest/source.js";
export { splitDocuments } from "./structure/documents.js";
export { validateRecords, validators } from "./validate/schemas.js";
export { toCsv } from "./emit/csv.js";
export { RECORD_TYPES, type RecordType, type RecordOf } from "./generated/records.js";
export { VERSION } from "./version.js";
