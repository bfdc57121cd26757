import { cardView, rankCompliance, summariseUnits, type CardInput, type ComplianceInput, type UnitInput } from './dashboard-format';

export interface SheetData {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

export interface ExportInput {
  targets: (CardInput & { target: CardInput['target'] & { name: string; unit: string } })[];
  counties: {
    target: { name: string };
    byCounty: { county: { shortName: string }; quota: number | null; achieved: number; pending: number }[];
  }[];
  measures: {
    rating: string | null;
    missing: number;
    lastReportAt: string | null;
    measure: { seq: number; title: string };
    units: UnitInput[];
  }[];
  compliance: ComplianceInput[];
}

type Label = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The overview as spreadsheet tables, one per sheet: targets, by county, measures, reporting.
 * Numbers stay numbers (percentages as 77.3, not text) so the office can sort and sum them.
 * `label` translates message keys (punctuation too: full-width in Chinese, ASCII in English);
 * `display` converts policy text for the chosen language.
 */
export function exportSheets(input: ExportInput, label: Label, display: (s: string) => string): SheetData[] {
  const pct = (n: number) => Math.round(n * 10) / 10;
  return [
    {
      name: label('dashboard.targets'),
      header: [
        label('dashboard.colMeasure'),
        label('dashboard.achieved'),
        label('dashboard.seriesPending'),
        label('dashboard.colTarget'),
        label('dashboard.completion'),
        label('dashboard.seriesExpected'),
        label('dashboard.colRating'),
      ],
      rows: input.targets.map((c) => {
        const v = cardView(c);
        return [
          label('dashboard.withUnit', { name: display(c.target.name), unit: display(c.target.unit) }),
          c.achieved,
          c.pending,
          c.target.targetValue,
          v.atMost ? pct(c.percent) : pct(c.target.targetValue > 0 ? (c.achieved / c.target.targetValue) * 100 : 0),
          v.atMost ? c.target.targetValue : pct(c.expectedShare * 100),
          label(`dashboard.rating.${c.rating}`),
        ];
      }),
    },
    {
      name: label('dashboard.byCounty'),
      header: [
        label('dashboard.colMeasure'),
        label('dashboard.colCounty'),
        label('dashboard.achieved'),
        label('dashboard.seriesPending'),
        label('dashboard.colQuota'),
      ],
      rows: input.counties.flatMap((t) =>
        t.byCounty.map((r) => [display(t.target.name), display(r.county.shortName), r.achieved, r.pending, r.quota ?? '']),
      ),
    },
    {
      name: label('dashboard.measures'),
      header: [
        label('dashboard.colMeasure'),
        label('dashboard.colRating'),
        label('dashboard.colUnits'),
        label('dashboard.colLast'),
        label('dashboard.colMissing'),
      ],
      rows: input.measures.map((m) => {
        const s = summariseUnits(m.units);
        return [
          `${m.measure.seq}. ${display(m.measure.title)}`,
          m.rating ? label(`dashboard.rating.${m.rating}`) : label('dashboard.noTarget'),
          s.statuses.map((x) => `${label(`unitStatus.${x.status}`)} ${x.count}`).join(label('dashboard.statusSeparator')),
          m.lastReportAt ?? '',
          s.missing.map((x) => display(x.shortName)).join(label('common.listSeparator')),
        ];
      }),
    },
    {
      name: label('dashboard.compliance'),
      header: [
        '#',
        label('dashboard.colUnit'),
        label('dashboard.onTime'),
        label('dashboard.late'),
        label('dashboard.missing'),
        label('dashboard.onTimeRate'),
      ],
      rows: rankCompliance(input.compliance).map((r) => [
        r.rank,
        display(r.agency.name),
        r.onTime,
        r.late,
        r.missing,
        pct(r.onTimeRate * 100),
      ]),
    },
  ];
}
