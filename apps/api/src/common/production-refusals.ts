/** Settings that would make a production server unsafe are refused before anything starts, with the reason. */
export function productionRefusals(env = process.env): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const refusals: string[] = [];
  if (!env.DATABASE_URL)
    refusals.push('DATABASE_URL must be set in production (NODE_ENV=production): the embedded PostgreSQL is for trying Luoshi out.');
  if (env.DEMO_DATA === '1')
    refusals.push(
      'DEMO_DATA=1 is refused in production (NODE_ENV=production): demo data creates accounts that share one printed password.',
    );
  return refusals;
}
