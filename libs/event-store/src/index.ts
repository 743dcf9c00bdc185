export * from './event-store.port.js';
export * from './errors.js';
export * from './cursor.js';
export * from './upcasting/event-upcasters.js';
export * from './postgres/postgres-event-store.js';
export { NotificationSignal } from './postgres/notification-signal.js';
export { inTransaction } from './postgres/in-transaction.js';
export * from './postgres/migrations/index.js';
export { ISO_MILLIS_FORMAT } from './postgres/event-row.js';
