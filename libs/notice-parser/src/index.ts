export type {
  CountyInput,
  ParseOptions,
  TargetNameOverride,
  ParsedResponsibility,
  ParsedTarget,
  ParsedMeasure,
  ParsedSection,
  ParsedNotice,
  ParseWarning,
  TextSpan,
} from './types';
export { NoticeParseError } from './types';
export { parseNotice } from './parse-notice';
export { chineseNumeral } from './numerals';
export { REVIEWED_TARGET_NAMES } from './reviewed-names';
