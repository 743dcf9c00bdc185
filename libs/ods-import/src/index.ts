export * from './ods-import.js';
export * from './import-report.js';
export * from './row-rejection.js';
export { extractDateFromFileName } from './ods-date.js';
