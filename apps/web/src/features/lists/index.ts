// The lists feature's public entry for other features: the filter bar of the lists across policies
// and its filter held in the URL.
export * from './ListFilterBar';
export * from './list-filter';
