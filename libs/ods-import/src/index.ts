export * from './ods-import.js';
export * from './import-report.js';
export * from './row-rejection.js';
export { extractDateFromFileName, isCalendarDate } from './ods-date.js';
export { parsePracticeRow, type PracticeRecord } from './epraccur.row.js';
export { parseMembershipRow, type MembershipSpell } from './epcmem.row.js';
