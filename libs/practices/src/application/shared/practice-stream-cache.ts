import { Injectable, Module } from '@nestjs/common';
import { StreamPrefixCache } from './stream-prefix-cache.js';

/** Enough for the practices being worked on at once; each event held is about a kilobyte. */
const PRACTICE_STREAM_CACHE_EVENTS = 30_000;

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
