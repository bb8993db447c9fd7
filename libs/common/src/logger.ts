import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * Where every logger of this process writes, chosen once from the environment:
 * - `LOG_FORMAT=json` (the default, what production log shippers read): JSON lines on stdout.
 * - `LOG_FORMAT=pretty` (what `vigil start` sets for a person at a terminal): one readable
 *   line per entry on stdout — time, app, message, then the ids.
 * - `LOG_FILE=<path>`: JSON lines to that file as well (`vigil start` keeps them under the
 *   state folder, so the console can stay readable without losing anything).
 */
let shared: DestinationStream | undefined;

function destination(): DestinationStream {
  if (shared) return shared;
  const screen: DestinationStream =
    process.env.LOG_FORMAT === 'pretty'
      ? pretty({
          colorize: process.stdout.isTTY === true,
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname,app,name,context',
          messageFormat: '{app}  {msg}',
          singleLine: true,
          sync: true,
        })
      : pino.destination({ dest: 1, sync: true });
  const file = process.env.LOG_FILE;
  shared = file ? pino.multistream([{ level: 'trace', stream: screen }, { level: 'trace', stream: pino.destination({ dest: file, mkdir: true, sync: true }) }]) : screen;
  return shared;
}

/** A field named `level` would overwrite the entry's own level in the JSON line (and the console's). */
function keepLevel(fields: Record<string, unknown>): Record<string, unknown> {
  if (!('level' in fields)) return fields;
  const { level, ...rest } = fields;
  return { ...rest, levelField: level };
}

/** One logger per app name, all writing to the process's destination: ids as fields. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { app: name }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { log: keepLevel } }, destination());
}

/** Nest's start-up chatter (a line per module and per route) is detail, not news. */
const NEST_DETAIL = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestFactory']);

/** Lets Nest's own messages go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context && NEST_DETAIL.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
