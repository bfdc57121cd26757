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
}

export interface ParsedTarget {
  name: string;
  unit: string;
  targetValue: number;
  direction: 'AT_LEAST' | 'AT_MOST';
  year: number;
  /** The clause the number was read from, as written. */
  sourcePhrase: string;
}

export interface ParsedMeasure {
  seq: number;
  title: string;
  body: string;
  /** The text inside the responsibility brackets, as written; null when the measure has none. */
  responsibilityText: string | null;
  responsibilities: ParsedResponsibility[];
  targets: ParsedTarget[];
}

export interface ParsedSection {
  seq: number;
  title: string;
  measures: ParsedMeasure[];
}

export interface ParsedNotice {
  docNumber: string;
  title: string;
  issuer: string;
  /** ISO date, YYYY-MM-DD. */
  issuedOn: string;
  addressee: string | null;
  sections: ParsedSection[];
  sourceText: string;
  /** The expansion used for `市就業工作領導小組成員單位` (given or derived). */
  memberUnits: string[];
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
