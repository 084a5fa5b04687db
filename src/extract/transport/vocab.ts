import data from "../../data/transport-lines.json" with { type: "json" };
import { alt, byLength } from "../../shared/lexicon.js";

/** The transport phrase tables (data/transport-lines.json), loaded once, longest entries first where order matters. */

export type LineClass = "high_speed" | "fast" | "conventional" | "port" | "other";
export type RoadClass = "expressway" | "national" | "provincial" | "rural" | "other";


export const RAIL_HEADS = new Map(data.railHeads.heads as Array<[string, LineClass | null]>);
export const ROAD_HEADS = new Map(data.roadHeads.heads as Array<[string, RoadClass | null]>);
/** Every head of either kind; the longest at a position wins (高速公路 before 公路, 跨境铁路 before 铁路). */
export const HEAD_RE = new RegExp(alt([...RAIL_HEADS.keys(), ...ROAD_HEADS.keys()]), "g");

export const NOT_A_LINE_AFTER = byLength(data.notALineAfter.words);
export const CORRIDOR = data.corridorOk.word;
export const GENERIC_PREFIX_RE = new RegExp(`^(?:${alt(data.genericPrefixes.words)})`);
export const GENERIC_SUFFIX_RE = new RegExp(`(?:${alt(data.genericPrefixes.words)})$`);
export const GENERIC_STOPS = new Set(data.genericStops.words);
export const COUNTRY_PAIR_RE = new RegExp(`^(?:${alt(data.countryPairs.words)})`);
export const PORT_MARKER_RE = new RegExp(`(?:${alt(data.portMarkers.words)})$`);
export const GOVERN_WORDS = byLength(data.governWords.words);
export const MEANS_BEFORE_RE = new RegExp(`(?:${alt(data.frames.meansBefore)})$`);
export const MEANS_AFTER_RE = new RegExp(`^(?:${alt(data.frames.meansAfter)})`);
export const PLACE_SEGMENTS = byLength(data.segments.placeSegments);
export const SEGMENT_WORDS = byLength(data.segments.words);
export const WORKS = byLength(data.works.words);
export const SPEED = data.speed;
export const RAIL_SECTION_CLASSES = data.sectionClasses.rail as Array<[string, LineClass]>;
export const ROAD_SECTION_CLASSES = data.sectionClasses.road as Array<[string, RoadClass | null]>;
export const REPORT_VERB_RE = new RegExp(`^(?:全线|全部|相继|先后|已)?(?:${alt(data.reportVerbs.words)})`);
export const LIST_TAIL = byLength(data.listTail.words);
/** Ordinary nouns ending in 线 (生命线, 主干线, 红线): never a line abbreviation; matched at the end of an item. */
export const ORDINARY_LINE_WORDS = byLength(data.railAbbrevLine.ordinaryWords);
export const ROAD_GRADE_RE = new RegExp(`(?:${alt(data.roadGrades.words)})$`);
export const PAST_MARKER_RE = new RegExp(`^(?:${alt(data.pastMarkers.words)})`);
export const NOUN_WORKS = new Set(data.works.nounWorks);
export const GOVERN_NOT_FOLLOWED_BY = data.governWords.notWhenFollowedBy as unknown as Record<string, string>;
