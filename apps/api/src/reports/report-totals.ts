// Where the units feature's agency merge imports it from; the statement lives in report.queries.ts.
export { shiftReportTotals } from './report.queries';
