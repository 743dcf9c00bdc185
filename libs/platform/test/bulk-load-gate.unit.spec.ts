import { BulkLoadGate } from '../src/bulk-load-gate.js';

describe('bulk load gate', () => {
  const signal = new AbortController().signal;

  it('lets work through at once when no bulk load runs', async () => {
    await expect(new BulkLoadGate().idle(signal)).resolves.toBeUndefined();
  });

  it('holds work back until every bulk load has ended', async () => {
    const gate = new BulkLoadGate(0);
    let finishFirst!: () => void;
    let finishSecond!: () => void;
    const first = gate.during(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = gate.during(() => new Promise<void>((resolve) => (finishSecond = resolve)));
    let through = false;
    const waiting = gate.idle(signal).then(() => (through = true));
    finishFirst();
    await first;
    expect(through).toBe(false);
    finishSecond();
    await second;
    await waiting;
    expect(through).toBe(true);
  });

  it('lets work through only a grace period after the last load ended, a load begun meanwhile holding it again', async () => {
    const gate = new BulkLoadGate(60);
    await gate.during(() => Promise.resolve());
    let through = false;
    const waiting = gate.idle(signal).then(() => (through = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(through).toBe(false); // the load ended, but the requests it held back go first
    let finish!: () => void;
    const again = gate.during(() => new Promise<void>((resolve) => (finish = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(through).toBe(false); // the first grace ran out during the second load
    finish();
    await again;
    await waiting;
    expect(through).toBe(true);
    await expect(gate.idle(signal)).resolves.toBeUndefined(); // settled: at once
  });

  it('lets a waiter go when its signal aborts', async () => {
    const gate = new BulkLoadGate();
    void gate.during(() => new Promise(() => undefined));
    const abort = new AbortController();
    const waiting = gate.idle(abort.signal);
    abort.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
