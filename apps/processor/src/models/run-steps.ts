/**
 * Drives a stepped computation (a generator that yields every few milliseconds of work) to its
 * end without holding the event loop: after `sliceMs` of work it lets everything else run (the
 * Kafka consumer's fetches and heartbeats, other timers) before it goes on.
 */
export async function runSteps<T>(steps: Generator<void, T>, sliceMs = 20): Promise<T> {
  let start = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - start >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      start = Date.now();
    }
  }
}
