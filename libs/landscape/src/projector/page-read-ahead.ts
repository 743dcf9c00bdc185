import type { EventStore, EventWithoutMetadata, LogCursor, ReadAllResult } from '#event-store';

type Page = ReadAllResult<EventWithoutMetadata>;

/**
 * Pages of the log read one after another from a cursor, each read starting as soon as the page before it arrives and
 * up to `depth` pages ahead of the one taken: a catch-up's database then always has the next page to serve while its
 * process plans and writes, instead of waiting for each step's write before reading on.
 */
export class PageReadAhead {
  private readonly pages: Promise<Page | null>[] = [];
  private last: Promise<Page | null>;

  constructor(
    private readonly store: EventStore,
    cursor: LogCursor | null,
    private readonly pageSize: number,
    private readonly depth = 2,
  ) {
    this.last = this.read(cursor);
    this.pages.push(this.last);
    this.fill();
  }

  /** The next page; null past the last one (a page that did not say it had more). */
  next(): Promise<Page | null> {
    const page = this.pages.shift() ?? Promise.resolve(null);
    this.fill();
    return page;
  }

  /** Waits out the reads still under way (a stopped catch-up leaves none running behind it). */
  async close(): Promise<void> {
    await Promise.allSettled(this.pages.splice(0));
  }

  private fill(): void {
    while (this.pages.length < this.depth) {
      this.last = this.last.then((page) => (page?.hasMore ? this.read(page.cursor) : null));
      this.last.catch(() => undefined);
      this.pages.push(this.last);
    }
  }

  private read(cursor: LogCursor | null): Promise<Page> {
    const page = this.store.readAllWithoutMetadata(cursor, this.pageSize);
    page.catch(() => undefined); // taken and thrown by next(), or waited out by close()
    return page;
  }
}
