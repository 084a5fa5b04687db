/**
 * Lists made so that V8 keeps them one kind of array in both of its tiers.
 *
 * Why not `list.map(f)`: the interpreter's map makes a packed array, but once V8 inlines map
 * into a function's optimized code it makes a holey one (string `split` and flatMap+filter
 * likewise). Each function reading such a list is compiled for the kind it met first and
 * is thrown back to the interpreter ("wrong map") at the other, then compiled again: 43
 * deoptimizations in a 13 MB build, about a fifth of its background compile time (issue 11).
 * A list made by push is packed in both tiers; Array.from is too, but about 5× slower once
 * optimized.
 */

/** `f` of each item of `list`, in a new packed array. */
export function mapPacked<T, U>(list: ArrayLike<T>, f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(f(list[i]!, i));
  return out;
}

/** 0, 1, …, n − 1, a packed array (for sorting indices). */
export function indices(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i);
  return out;
}
