import type { LogCursor } from '#event-store';
import { SharedPositionWait } from './shared-position-wait.js';

const at = (position: number): LogCursor => ({ transactionId: '7', position: String(position) });

describe('SharedPositionWait', () => {
  it('answers a hundred waiting reads with one read of the position per interval', async () => {
    let reached = 0;
    let reads = 0;
    const wait = new SharedPositionWait(async () => {
      reads++;
      return at(reached);
    }, 10);
    const waits = Array.from({ length: 100 }, (_, i) => wait.waitFor(at(1 + (i % 3)), 2_000));
    setTimeout(() => (reached = 3), 60);
    expect(await Promise.all(waits)).toEqual(Array(100).fill(true));
    // About 60 ms / 10 ms of polling, however many waited; none once nobody waits.
    expect(reads).toBeLessThan(20);
    const after = reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([reads, wait.waiting]).toEqual([after, 0]);
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
