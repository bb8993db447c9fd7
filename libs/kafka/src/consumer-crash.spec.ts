import { describe, expect, it } from 'vitest';
import { decideOnCrash, restartFailedMessage } from './consumer-crash';

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
