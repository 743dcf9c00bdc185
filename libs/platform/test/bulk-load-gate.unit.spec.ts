import { BulkLoadGate } from '../src/bulk-load-gate.js';

describe('bulk load gate', () => {
  const signal = new AbortController().signal;

  it('lets work through at once when no bulk load runs', async () => {
    await expect(new BulkLoadGate().idle(signal)).resolves.toBeUndefined();
  });

  it('holds work back until every bulk load has ended', async () => {
    const gate = new BulkLoadGate();
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

  it('lets a waiter go when its signal aborts', async () => {
    const gate = new BulkLoadGate();
    void gate.during(() => new Promise(() => undefined));
    const abort = new AbortController();
    const waiting = gate.idle(abort.signal);
    abort.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
