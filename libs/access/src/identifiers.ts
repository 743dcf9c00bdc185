/** The one identifier format access needs from SPEC §2 (the write side has the full set). */
export const PATTERNS = {
  commissionerCode: /^[0-9A-Z]{3,5}$/,
} as const;
