import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { IncidentOutcome } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { ConsumerFactory, type ConsumedMessage } from '@vigil/kafka';
import { DetectMentionsUseCase } from './detect-mentions.usecase';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';

/**
 * incidents.outcomes → every detector instance (issue #14). Each instance reads the whole
 * (compacted) topic from the beginning in a group of its own and never commits, so a restart, or
 * a partition handed over from another instance, finds every confirmed incident again: the
 * confirmed windows survive with the topic, not with the partition's snapshot. The topic is the
 * truth because a ticket's watch may live on any partition and partitions move between
 * instances, and because a window kept only in snapshots would be lost when a confirmation
 * arrived between two saves (its offset is not committed with them).
 */
@Injectable()
export class IncidentOutcomesConsumer implements OnApplicationBootstrap {
  private readonly logger = createLogger('detector');

  constructor(
    private readonly consumers: ConsumerFactory,
    private readonly detect: DetectMentionsUseCase,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers
      .create({
        groupId: outcomesGroup(this.options.groupId, this.options.instanceId),
        topic: 'incidentOutcomes',
        schema: IncidentOutcome,
        logger: this.logger,
        fromBeginning: true,
        // Never committed: every start reads the topic again.
        handlerCommits: true,
        handle: (m) => this.onMessages(m),
      })
      .start();
  }

  async onMessages(messages: ConsumedMessage<IncidentOutcome>[]): Promise<void> {
    if (messages.length) await this.detect.confirm(messages.map((m) => m.value));
  }
}

/** A group per instance: each reads every partition of the topic. */
export const outcomesGroup = (groupId: string, instanceId: string): string => `${groupId}.outcomes.${instanceId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
