// What other libraries and the apps use of the practices context: the domain (its events, commands, decider and
// folds), how its streams are read, held and appended, the write routes' module and how their refusals are answered.
export * from './domain/index.js';
export { toNewEvent, toTimeline, toTimelineEvent } from './streams/timeline.mapping.js';
export { StreamPrefixCache } from './streams/stream-prefix-cache.js';
export { PracticeStreamCache, PracticeStreamCacheModule } from './streams/practice-stream-cache.js';
export { retryLostRaces, type LostRacePolicy } from './application/lost-race-retry.js';
export { PracticeWritesModule } from './application/practice-writes.module.js';
export { translateDomainError } from './application/domain-error.translation.js';
