import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/**
 * What a group does as members come and go (rebalances and the heartbeats that announce
 * them) and a caveat about our own producer setting: kafkajs warns about them, but they
 * are the normal life of a consumer group, not something for a person to act on.
 */
const EXPECTED = /group is rebalancing|re-joining|Limiting retries for the idempotent producer/i;

/** Sends kafkajs' own log lines through pino instead of its console JSON. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () => ({ level, log }) => {
    const { message, ...extra } = log;
    // kafkajs logs every retried "coordinator loading" as ERROR; they are expected on a fresh broker.
    const fields = { kafka: { namespace: log.namespace, broker: extra.broker, error: extra.error } };
    if (EXPECTED.test(`${message} ${String(extra.error ?? '')}`)) logger.debug(fields, message);
    else if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(fields, message);
    else logger.debug(fields, message);
  };
}
