import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/loaders';
import { previousReportsFor } from './previous-reports';
import { ProgressReport } from './progress-report.entity';
import { ReportFigure } from './report-figure.entity';
import { reportEventsFor, ReportEventRow } from './report-history';

declare module '../common/loaders' {
  interface Loaders {
    /** A report's per-county figures, by target then county. */
    figuresByReport: DataLoader<string, ReportFigure[]>;
    /** Keyed by previousKey(measureId, agencyId, periodId). */
    previousReport: DataLoader<string, ProgressReport | null>;
    /** A report's history (its audit events). */
    historyByReport: DataLoader<string, ReportEventRow[]>;
  }
}

/** The reports feature's loaders for one request. */
export function reportsLoaders(ds: DataSource) {
  return {
    figuresByReport: new DataLoader<string, ReportFigure[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(ReportFigure).find({ where: { reportId: In([...ids]) }, order: { targetId: 'ASC', countyId: 'ASC' } }),
        (f) => f.reportId,
      ),
    ),
    previousReport: new DataLoader<string, ProgressReport | null>((keys) => previousReportsFor(ds, keys)),
    historyByReport: new DataLoader<string, ReportEventRow[]>(async (ids) =>
      groupBy(ids, await reportEventsFor(ds, ids), (e) => e.reportId),
    ),
  };
}
