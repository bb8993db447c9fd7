/** How long the runner waits before starting a consumer again that kafkajs gave up on. */
export const RUNNER_RESTART_DELAY_MS = 2_000;

export interface CrashFacts {
  /** kafkajs' own decision (its CRASH event's `restart`): true when it restarts the consumer itself. */
  kafkajsRestarts: boolean;
  /** kafkajs' wait before its restart, when the error carries one (`retryTime`). */
  kafkajsRetryMs?: number;
  /** The runner is being stopped: nobody restarts the consumer, by design. */
  stopping: boolean;
  /** Restarts the runner made since the consumer last handled a batch, this one included. */
  attempt: number;
}

export interface CrashDecision {
  /** The runner starts the consumer again after `delayMs`. */
  runnerRestarts: boolean;
  level: 'warn' | 'error' | 'info';
  message: string;
  fields: { restartedBy: 'kafkajs' | 'runner' | 'nobody'; retryInMs?: number; attempt?: number };
}

/**
 * What a consumer crash leads to, and the log line that says so. kafkajs' `restart: false` only
 * means kafkajs will not restart it; the runner then does, so that is no error for an operator
 * (the consumer is back seconds later). An error is logged only when the consumer stays down:
 * see `restartFailed`.
 */
export function decideOnCrash(f: CrashFacts): CrashDecision {
  if (f.stopping) return { runnerRestarts: false, level: 'info', message: 'consumer crashed while stopping; not restarted', fields: { restartedBy: 'nobody' } };
  if (f.kafkajsRestarts) {
    const wait = f.kafkajsRetryMs === undefined ? 'shortly' : `in ${formatSeconds(f.kafkajsRetryMs)}`;
    return { runnerRestarts: false, level: 'warn', message: `consumer crashed; kafkajs restarts it ${wait}`, fields: { restartedBy: 'kafkajs', retryInMs: f.kafkajsRetryMs } };
  }
  return {
    runnerRestarts: true,
    level: 'warn',
    message: `consumer crashed; restarting in ${formatSeconds(RUNNER_RESTART_DELAY_MS)} (attempt ${f.attempt})`,
    fields: { restartedBy: 'runner', retryInMs: RUNNER_RESTART_DELAY_MS, attempt: f.attempt },
  };
}

/** The line for a restart by the runner that failed to start the consumer: it stays stopped until the process restarts. */
export function restartFailedMessage(attempt: number): string {
  return `consumer restart failed (attempt ${attempt}); giving up, the consumer stays stopped until the process restarts`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
