import type { Extractor } from "./record.js";

/** Highways: filled by the transport issue. */
export const extractHighways: Extractor<"highways"> = () => [];
