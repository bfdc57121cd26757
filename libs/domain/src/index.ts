export * from './roles';
export * from './counties';
export * from './periods';
export * from './reports';
export * from './trajectory';
export * from './supervision';
export * from './audit-actions';
export * from './passwords';
