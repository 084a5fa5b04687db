import type { Span } from "../../shared/span.js";
import type { LineClass, RoadClass } from "./vocab.js";

/** A railway or road named in a sentence, as the transport readers find it (before records are made). */
export interface Mention extends Span {
  kind: "rail" | "road";
  name: string;
  stops: string[];
  code: string | null;
  /** class stated by the head word or the route code */
  stated: LineClass | RoadClass | null;
  speed: number | null;
  segment: string | null;
  work: string | null;
  regionPart: string | null;
  port: boolean;
}
