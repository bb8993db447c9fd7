import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Logger } from 'pino';
import { decideOnCrash, restartFailedMessage } from './consumer-crash';
import { ConsumerRunner } from './consumer-runner';
import type { KafkaClient } from './kafka-client';
import type { MessageProducer } from './message-producer';

describe('decideOnCrash', () => {
  it('says the runner restarts a consumer kafkajs gave up on, as a warning with the delay and the attempt', () => {
    const d = decideOnCrash({ kafkajsRestarts: false, stopping: false, attempt: 3 });
    expect(d).toEqual({
      runnerRestarts: true,
      level: 'warn',
      message: 'consumer crashed; restarting in 2 s (attempt 3)',
      fields: { restartedBy: 'runner', retryInMs: 2000, attempt: 3 },
    });
  });

  it('leaves a consumer kafkajs restarts itself to kafkajs, saying when', () => {
    expect(decideOnCrash({ kafkajsRestarts: true, kafkajsRetryMs: 1500, stopping: false, attempt: 1 })).toMatchObject({
      runnerRestarts: false,
      level: 'warn',
      message: 'consumer crashed; kafkajs restarts it in 1.5 s',
      fields: { restartedBy: 'kafkajs', retryInMs: 1500 },
    });
    expect(decideOnCrash({ kafkajsRestarts: true, stopping: false, attempt: 1 }).message).toBe('consumer crashed; kafkajs restarts it shortly');
  });

  it('restarts nothing while stopping', () => {
    expect(decideOnCrash({ kafkajsRestarts: false, stopping: true, attempt: 1 })).toMatchObject({ runnerRestarts: false, level: 'info', fields: { restartedBy: 'nobody' } });
  });

  it('names giving up in the failed-restart line', () => {
    expect(restartFailedMessage(2)).toMatch(/attempt 2.*giving up/);
  });
});

/** A kafkajs consumer stand-in: records its event handlers and how often it was made and started. */
function fakeClient() {
  const handlers = new Map<string, (e: unknown) => void>();
  let made = 0;
  const consumer = () => {
    made++;
    return {
      events: { CRASH: 'consumer.crash', GROUP_JOIN: 'consumer.group_join', END_BATCH_PROCESS: 'consumer.end_batch_process' },
      on: (name: string, fn: (e: unknown) => void) => void handlers.set(name, fn),
      connect: async () => undefined,
      subscribe: async () => undefined,
      run: async () => undefined,
      disconnect: async () => undefined,
    };
  };
  const client = {
    kafka: { consumer },
    options: { brokers: ['x'], clientId: 'test' },
    groupId: (n: string) => n,
    topic: (k: string) => k,
  } as unknown as KafkaClient;
  return { client, handlers, made: () => made };
}

function fakeLogger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
}

describe('ConsumerRunner on a crash kafkajs does not restart', () => {
  it('logs a warning that it restarts the consumer, no error, and does restart it', async () => {
    vi.useFakeTimers();
    try {
      const { client, handlers, made } = fakeClient();
      const logger = fakeLogger();
      const runner = new ConsumerRunner(client, {} as MessageProducer, {
        groupId: 'mentions.by-watch',
        topic: 'mentionsByWatch',
        schema: z.unknown(),
        handle: async () => undefined,
        logger: logger as unknown as Logger,
      });
      await runner.start();
      expect(made()).toBe(1);
      handlers.get('consumer.crash')!({ payload: { error: new Error('Elasticsearch away'), restart: false, groupId: 'mentions.by-watch' } });
      expect(logger.error).not.toHaveBeenCalled();
      expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ groupId: 'mentions.by-watch', restartedBy: 'runner', attempt: 1 }), 'consumer crashed; restarting in 2 s (attempt 1)');
      await vi.advanceTimersByTimeAsync(2_000);
      expect(made()).toBe(2);

      // A second crash before any batch was handled is the second attempt.
      handlers.get('consumer.crash')!({ payload: { error: new Error('again'), restart: false } });
      expect(logger.warn).toHaveBeenLastCalledWith(expect.objectContaining({ attempt: 2 }), 'consumer crashed; restarting in 2 s (attempt 2)');
      await runner.stop();
      await vi.advanceTimersByTimeAsync(2_000);
      expect(made()).toBe(2);
      expect(logger.error).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
