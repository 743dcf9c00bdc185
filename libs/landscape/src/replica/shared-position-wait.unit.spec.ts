import { jest } from '@jest/globals';
import type { LogCursor } from '#event-store';
import { SharedPositionWait } from './shared-position-wait.js';

const at = (position: number): LogCursor => ({ transactionId: '7', position: String(position) });

describe('SharedPositionWait', () => {
  it('answers a hundred waiting reads with one read of the position per interval, and stops reading once nobody waits', async () => {
    jest.useFakeTimers();
    try {
      let reached = 0;
      let reads = 0;
      const wait = new SharedPositionWait(async () => {
        reads++;
        return at(reached);
      }, 10);
      const waits = Promise.all(Array.from({ length: 100 }, (_, i) => wait.waitFor(at(1 + (i % 3)), 2_000)));
      await jest.advanceTimersByTimeAsync(60);
      reached = 3;
      await jest.advanceTimersByTimeAsync(10);
      expect(await waits).toEqual(Array(100).fill(true));
      // About 70 ms / 10 ms of polling, however many waited.
      expect(reads).toBeLessThan(20);
      // Nobody waits and no timer is left that could wake the poller: no read follows.
      expect([wait.waiting, jest.getTimerCount()]).toEqual([0, 0]);
    } finally {
      jest.useRealTimers();
    }
  });

  it("gives up at each wait's own deadline, even while a read hangs", async () => {
    const wait = new SharedPositionWait(() => new Promise<LogCursor | null>(() => undefined), 10);
    const started = Date.now();
    expect(await wait.waitFor(at(1), 100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('counts a failed read as not yet, and polls again', async () => {
    let calls = 0;
    const wait = new SharedPositionWait(async () => {
      if (++calls < 3) throw new Error('replica unreachable');
      return at(5);
    }, 5);
    expect(await wait.waitFor(at(5), 2_000)).toBe(true);
  });
});
