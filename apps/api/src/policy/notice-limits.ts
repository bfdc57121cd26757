/**
 * The largest text an import reads (a long notice is ~30,000 characters): the import and the file
 * extraction (notice-files) refuse beyond it, and common/body-limits.ts sizes the JSON body by it.
 */
export const MAX_NOTICE_CHARS = 200_000;
