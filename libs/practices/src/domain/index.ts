export * from './practice.events.js';
export * from './practice.state.js';
export * from './practice.commands.js';
export * from './practice.errors.js';
export { initialState, evolve } from './practice.evolve.js';
export { decide, decideByFullValidation, type Decision, type DecidedEvent, type DecisionHistories } from './practice.decide.js';
export { effectiveTimeline, compareEffectiveOrder } from './effective-timeline.js';
export { foldHistory, foldOnto, type PracticeFold } from './practice-fold.js';
export { stateAt, practiceVersions, extendVersions, sameState, type VersionsExtension } from './practice-versions.js';
