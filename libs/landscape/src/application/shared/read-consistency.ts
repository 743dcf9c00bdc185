import { BadRequestException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { decodeCursor } from '#event-store';
import { ProjectionStatus } from '../../projector/projection-status.js';
import { ReplicaProjection } from '../../replica/replica-projection.js';

export const MIN_POSITION_WAIT_MS = 5_000;
const RETRY_AFTER_SECONDS = 2;

/**
 * Read-your-writes for landscape reads: waits until the projection the read is served from includes the write at
 * `minPosition`: the primary's, or with READ_DATABASE_URL the replica's copy of it once replayed.
 */
@Injectable()
export class ReadConsistency {
  constructor(
    private readonly status: ProjectionStatus,
    private readonly replica: ReplicaProjection,
  ) {}

  async awaitPosition(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const position = decodeCursor(minPosition);
    if (position === null) {
      throw new BadRequestException({
        title: 'Invalid request',
        detail: 'minPosition: must be a position returned by a write',
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'minPosition', message: 'must be a position returned by a write' }],
      });
    }
    const from = this.replica.configured ? this.replica : this.status;
    if (await from.waitForPosition(position, MIN_POSITION_WAIT_MS)) return;
    throw new ServiceUnavailableException({
      title: 'Projection behind',
      detail: `the landscape projection${this.replica.configured ? ' on the read replica' : ''} did not reach position ${minPosition} within ${MIN_POSITION_WAIT_MS / 1000} s; retry later`,
      code: 'PROJECTION_BEHIND',
      retryAfter: RETRY_AFTER_SECONDS,
    });
  }
}
