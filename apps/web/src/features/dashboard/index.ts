// The dashboard feature's public entry for other features: the colours of the GREEN/YELLOW/RED ratings.
export { RATING_COLORS } from './dashboard-format';
// Sign-in leading to a dashboard fetches its first view on the way (see first-view.ts).
export { firstViewPolicy, prefetchFirstView } from './first-view';
