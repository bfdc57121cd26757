// The policy feature's public entry for other features: a measure's responsible units as the policy page shows them.
export { ResponsibleUnits } from './ResponsibleUnits';
