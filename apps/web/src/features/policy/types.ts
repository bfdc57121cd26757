import type { PolicyStructureQuery } from '../../graphql/generated';

/** Shapes of the PolicyStructure query, named for the components that take them. */
export type PolicyData = PolicyStructureQuery['policy'];
export type MeasureData = PolicyData['measures'][number];
export type ResponsibilityData = MeasureData['responsibilities'][number];
export type AgencyData = ResponsibilityData['agency'];
export type TargetData = MeasureData['targets'][number];
export type SectionData = PolicyData['sections'][number];
