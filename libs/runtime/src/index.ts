export * from './open-runtime.js';
export * from './runtime.module.js';
export * from './schema.js';
export * from './graceful-shutdown.js';
export * from './app-role.js';
export * from './schema-currency.js';
