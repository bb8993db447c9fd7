import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** Sends kafkajs' own log lines through pino instead of its console JSON. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () => ({ level, log }) => {
    const { message, ...extra } = log;
    // kafkajs logs every retried "coordinator loading" as ERROR; they are expected on a fresh broker.
    const fields = { kafka: { namespace: log.namespace, broker: extra.broker, error: extra.error } };
    if (level === logLevel.ERROR) logger.warn(fields, message);
    else if (level === logLevel.WARN) logger.warn(fields, message);
    else logger.debug(fields, message);
  };
}
