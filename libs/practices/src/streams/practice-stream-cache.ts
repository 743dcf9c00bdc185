import { Injectable, Module } from '@nestjs/common';
import { StreamPrefixCache } from './stream-prefix-cache.js';

/**
 * Enough for a few hundred practices being worked on at once (a national practice's stream is about 200 events; each
 * event held is under a kilobyte). Least recently used goes first, so a bound just under the working set misses on
 * nearly every write: at 30,000 events, 128 practices written in turn were read back from the store on one write in five.
 */
const PRACTICE_STREAM_CACHE_EVENTS = 60_000;

/**
 * The practice streams this process holds in memory, one cache for all its users: commands fold the streams they
 * write, and the projector running in the same process then applies those very events, so both find them here
 * instead of each keeping its own copy of the same histories.
 */
@Injectable()
export class PracticeStreamCache extends StreamPrefixCache {
  constructor() {
    super(PRACTICE_STREAM_CACHE_EVENTS);
  }
}

/** Provides the process's one PracticeStreamCache to every module that imports it. */
@Module({ providers: [PracticeStreamCache], exports: [PracticeStreamCache] })
export class PracticeStreamCacheModule {}
