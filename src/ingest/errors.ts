/** An expected failure on one input: reported as `FILE: reason`, never a stack trace. */
export class InputError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = "InputError";
  }
}
