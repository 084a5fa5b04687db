import type { Extractor } from "./record.js";

/** Subsidies: filled by the subsidies issue. */
export const extractSubsidies: Extractor<"subsidies"> = () => [];
