export interface CountyInput {
  /** As the notice writes it, e.g. `蓬江區`; becomes the responsibility's agencyName. */
  name: string;
  regionCode: string;
}

export interface TargetNameOverride {
  docNumber: string;
  measureSeq: number;
  targetValue: number;
  name: string;
  reason?: string;
}

export interface ParseOptions {
  /** What `各縣(市、區)政府` stands for, in this order. */
  counties: CountyInput[];
  /** What `市就業工作領導小組成員單位` stands for; when absent, every department the brackets name. */
  memberUnits?: string[];
  /** Replaces the reviewed list in target-names.json (pass [] to see the names the text alone gives). */
  targetNames?: TargetNameOverride[];
}

export interface ParsedResponsibility {
  agencyName: string;
  kind: 'DEPARTMENT' | 'COUNTY';
  /** Set for counties; also for a county's own department (e.g. `台山市人社局`), null for city departments. */
  regionCode: string | null;
  role: 'LEAD' | 'CO';
  /** The words of the text that named this unit (e.g. `各縣(市、區)政府` for each county it stands for). */
  words?: string;
  /** The words that gave the role (`牽頭`, `按職責分工負責`, a convention such as `排在第一位的為牽頭單位`); '' when none. */
  roleWords?: string;
}

/** Offsets into ParsedNotice.sourceText: sourceText.slice(start, end) is the text meant. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ParseWarning {
  /** 1-based line of sourceText. */
  line: number;
  kind: 'NO_DATE' | 'NO_DOC_NUMBER' | 'NO_UNITS' | 'NO_TITLE' | (string & {});
  /** For the office, in Chinese. */
  message: string;
}

export interface ParsedTarget {
  name: string;
  unit: string;
  targetValue: number;
  direction: 'AT_LEAST' | 'AT_MOST';
  year: number;
  /** The clause the number was read from, as written. */
  sourcePhrase: string;
  /**
   * True when the notice sets the goal for every year (`每年`, `每年度`, `年均`): the target recurs, one
   * per year the notice runs. Absent for a goal of one year.
   */
  everyYear?: true;
  /** Where the goal words (e.g. `不少於3000個`) stand in sourceText. */
  span?: TextSpan;
}

export interface ParsedMeasure {
  seq: number;
  title: string;
  body: string;
  /** The text inside the responsibility brackets, as written; null when the measure has none. */
  responsibilityText: string | null;
  responsibilities: ParsedResponsibility[];
  targets: ParsedTarget[];
  /** 1-based line of the measure's number in sourceText. */
  line?: number;
  /** Where responsibilityText stands in sourceText. */
  responsibilitySpan?: TextSpan | null;
}

export interface ParsedSection {
  seq: number;
  title: string;
  measures: ParsedMeasure[];
}

export interface ParsedNotice {
  /** Null when the text has none (the office enters it before publishing). */
  docNumber: string | null;
  title: string;
  issuer: string;
  /** ISO date, YYYY-MM-DD; null when the notice has no date line (the office enters it). */
  issuedOn: string | null;
  addressee: string | null;
  sections: ParsedSection[];
  sourceText: string;
  /** The expansion used for `市就業工作領導小組成員單位` (given or derived). */
  memberUnits: string[];
  /** What the office should check before publishing (no date line, a measure without units, ...). */
  warnings: ParseWarning[];
}

export class NoticeParseError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(message);
    this.name = 'NoticeParseError';
    // Keeps `instanceof` working when a browser build down-levels classes to ES5.
    Object.setPrototypeOf(this, NoticeParseError.prototype);
  }
}
