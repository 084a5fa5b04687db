import type { Extractor } from "./record.js";

/** Targets: filled by the targets issue. */
export const extractTargets: Extractor<"targets"> = () => [];
