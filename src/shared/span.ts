/** A stretch of a Source's text: [start, end) offsets. Everything found in the text carries one. */
export interface Span { start: number; end: number }
