import type { EventWithoutMetadata, ReadAllResult } from '#event-store';
import { PageReadAhead } from '../src/projector/page-read-ahead.js';
import { openEmbeddedLandscapeFixture, type AnyLandscapeFixture } from './support/landscape-fixture.js';
import { HistoryRecorder } from './support/history-recorder.js';

describe('reading the log ahead (PageReadAhead, embedded database)', () => {
  let fixture: AnyLandscapeFixture;
  let requested: number;

  beforeAll(async () => {
    fixture = await openEmbeddedLandscapeFixture();
    const recorder = new HistoryRecorder(fixture.store);
    for (let i = 0; i < 23; i++) {
      const odsCode = `R${String(10_000 + i)}`;
      expect(await recorder.record({ type: 'OpenPractice', odsCode, name: `Practice ${i}`, openedOn: '2010-04-01', commissionerCode: '5E1' })).toBe(
        true,
      );
    }
    const readAll = fixture.store.readAllWithoutMetadata.bind(fixture.store);
    fixture.store.readAllWithoutMetadata = (after, limit) => {
      requested++;
      return readAll(after, limit);
    };
  });
  afterAll(() => fixture?.close());

  it('given pages of 5 over 23 events, then they arrive in log order, each once, and null past the last', async () => {
    requested = 0;
    const whole = await fixture.store.readAll(null, 100);
    requested = 0;
    const pages = new PageReadAhead(fixture.store, null, 5, 2);
    const taken: ReadAllResult<EventWithoutMetadata>[] = [];
    for (;;) {
      const page = await pages.next();
      if (page === null) break;
      taken.push(page);
    }
    expect(taken.map((page) => page.events.length)).toEqual([5, 5, 5, 5, 3]);
    expect(taken.map((page) => page.hasMore)).toEqual([true, true, true, true, false]);
    expect(taken.flatMap((page) => page.events.map((event) => event.eventId))).toEqual(whole.events.map((event) => event.eventId));
    expect(requested).toBe(5); // no read past the page that said it was the last
    await pages.close();
  });

  it('given a page taken, then the reads after it go on without waiting to be asked, up to the depth', async () => {
    requested = 0;
    const pages = new PageReadAhead(fixture.store, null, 5, 3);
    await pages.next();
    for (let turn = 0; turn < 50 && requested < 4; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requested).toBe(4); // the page taken and three more, read one after another while nobody asked
    await pages.close();
  });
});
