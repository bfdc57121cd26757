// The overview's charts and recharts (~125 KB gzip), one chunk that DashboardPage loads while its
// queries are in flight, so the page mounts and asks for its data without waiting for recharts.
export { CountyChart } from './CountyChart';
export { CeilingChart } from './CeilingChart';
export { TrendChart } from './TrendChart';
