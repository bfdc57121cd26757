// The dashboard feature's public entry for other features: the colours of the GREEN/YELLOW/RED ratings.
export { RATING_COLORS } from './dashboard-format';
