/** Below this, an input's bytes are left to the garbage collector. */
const MIN_BYTES = 1 << 20;

/**
 * Give a large input's bytes back to the system once its text is read. The
 * memory of an ArrayBuffer is freed only when a full garbage collection finds
 * its object dead, and by then the object is old: on a single large input that
 * comes after the whole extraction, so a 48 MB page held its bytes to the end
 * of the build for nothing. Transferring the buffer into a channel and closing
 * the receiving end frees it at once; `bytes` is left detached (length 0).
 * Only a buffer the bytes fill alone is transferred (a view into a shared pool,
 * or an already detached one, is left as it is).
 */
export async function releaseBytes(bytes: Uint8Array): Promise<void> {
  const buf = bytes.buffer;
  if (bytes.byteLength < MIN_BYTES || !(buf instanceof ArrayBuffer) || bytes.byteOffset !== 0 || bytes.byteLength !== buf.byteLength) return;
  // loaded here, not imported: most builds read no input this large, and loading worker_threads costs 5 ms of a start
  const { MessageChannel } = process.getBuiltinModule("node:worker_threads");
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(null, [buf]);
  const closed = new Promise((resolve) => port2.once("close", resolve));
  port2.close(); // drops the queued message, and the buffer's memory with it
  port1.close();
  await closed;
}
