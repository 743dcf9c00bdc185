import { Injectable } from '@nestjs/common';
import type { Checkpoint } from './checkpoint-store.js';

/**
 * In-process notice that the landscape projection committed a step, with the checkpoint it committed, so readers
 * waiting for a position wake at once and need not read the checkpoint back. Readers in another process (the projector
 * running on its own) poll instead.
 */
@Injectable()
export class ProjectionSignals {
  private waiters = new Set<(committed: Checkpoint | null) => void>();

  /** `committed`: the checkpoint the step committed, null when it committed none (a conflict, an error). */
  advanced(committed: Checkpoint | null): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake(committed);
  }

  /** The checkpoint of the next advance, or null after `ms` (or when that step committed none), whichever is first. */
  next(ms: number): Promise<Checkpoint | null> {
    return new Promise((resolve) => {
      const wake = (committed: Checkpoint | null = null) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(committed);
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }
}
