// The policy-nav feature's public entry for other features: the URLs of a policy's pages and the
// policy the current route is about.
export * from './policy-routes';
export * from './usePolicyFromRoute';
export { pickPolicy, rememberedPolicyId } from './policy-choice';
