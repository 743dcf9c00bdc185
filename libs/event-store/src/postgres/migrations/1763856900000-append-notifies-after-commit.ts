import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendFunctionSql } from './1763856600000-append-function.js';

/**
 * event_store.append_events notifies only when a channel is passed, and the store passes none: it announces appends
 * after they commit instead (NotificationSignal.announce).
 *
 * Why: a transaction that has called NOTIFY takes one lock shared by the whole server at commit and holds it until
 * its commit is flushed to the WAL, so notifying appends commit one at a time, each waiting out the others' flushes,
 * instead of sharing a flush. Sixteen writers appending one event each measured 2,700 appends/s that way, 5,200/s
 * announcing after the commit (5,700/s with no notification at all). The lock also held the projector's steps up
 * behind the appends' flushes. The signature is unchanged, so a process still passing a channel keeps notifying.
 */
export class AppendNotifiesAfterCommit1763856900000 implements MigrationInterface {
  readonly name = 'AppendNotifiesAfterCommit1763856900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendFunctionSql('when-channel-given'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendFunctionSql('always'));
  }
}
