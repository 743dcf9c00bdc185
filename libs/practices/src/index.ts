export * from './domain/index.js';
export * from './application/practice-writes.module.js';
export * from './application/shared/domain-error.translation.js';
export * from './application/shared/event-view.js';
export * from './application/shared/identifier.validators.js';
export * from './application/shared/record-practice-change.command.js';
export * from './application/shared/timeline.mapping.js';
export * from './application/shared/write-context.js';
