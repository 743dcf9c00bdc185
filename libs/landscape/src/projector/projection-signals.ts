import { Injectable } from '@nestjs/common';

/**
 * In-process notice that the landscape projection committed a step, so readers waiting for a position wake at once
 * instead of at their next poll. Readers in another process (the projector running on its own) poll instead.
 */
@Injectable()
export class ProjectionSignals {
  private waiters = new Set<() => void>();

  advanced(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake();
  }

  /** Resolves on the next advance or after `ms`, whichever is first. */
  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }
}
