import type { Block } from "../../structure/types.js";
import type { Mention } from "./mention.js";
import { RAIL_SECTION_CLASSES, ROAD_SECTION_CLASSES, SPEED, type LineClass, type RoadClass } from "./vocab.js";

/**
 * Line and road classes (CONTRACT.md): from the route code's digits, the head
 * word (高铁, 快速铁路, 跨境铁路), a stated speed, and — for names that state
 * nothing — the heading of the box part the item sits under.
 */

/** Road class from a route code: G/S with 1–2 or 4 digits is an expressway, G + 3 a national road, S + 3 a provincial road, X/Y county and township roads. */
export function roadClassOfCode(code: string): RoadClass {
  if (code[0] === "X" || code[0] === "Y") return "rural"; // 县道, 乡道
  const digits = code.slice(1).length;
  if (digits === 3) return code[0] === "G" ? "national" : "provincial";
  return code[0] === "G" || code[0] === "S" ? "expressway" : "other";
}

/** The class a box heading states for its items ((三) 高速公路 → expressway); a heading naming two classes states none. */
function sectionClass<T>(block: Block, table: Array<[string, T]>): T | null {
  for (let k = block.section.length - 1; k >= 0; k--) {
    const label = block.section[k]!;
    if (/^专栏/.test(label)) break;
    const hits = table.filter(([w]) => label.includes(w));
    // a heading naming two classes (普速铁路和口岸铁路) states none
    const distinct = new Set(hits.filter(([w]) => !hits.some(([o]) => o !== w && o.includes(w))).map(([, c]) => c));
    if (distinct.size === 1) return [...distinct][0]!;
    if (distinct.size > 1) return null;
  }
  return null;
}

/** A speed of 250+ is high_speed; then the head word (高铁, 快速铁路, 跨境铁路), a port marker, a speed of 160+, else conventional. */
export function lineClassOf(m: Mention, block: Block): LineClass {
  if (m.speed !== null && m.speed >= SPEED.highSpeedKmh) return "high_speed";
  if (m.stated) return m.stated as LineClass;
  if (m.port) return "port";
  if (m.speed !== null && m.speed >= SPEED.fastKmh) return "fast";
  // a plain 铁路 is conventional; only names without a head word (临哈线) take the box heading's class
  if (!/铁路|高铁/.test(m.name)) return sectionClass(block, RAIL_SECTION_CLASSES) ?? "conventional";
  return "conventional";
}

/** The code's or head word's class; a road stating none takes its box heading's class, else other. */
export function roadClassOf(m: Mention, block: Block): RoadClass {
  if (m.stated) return m.stated as RoadClass;
  return sectionClass(block, ROAD_SECTION_CLASSES) ?? "other";
}

