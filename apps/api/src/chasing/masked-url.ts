/** The address as the audit log keeps it: the robot's key in the query string is a credential. */
export function maskedUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '(无效地址)';
  }
  for (const k of [...u.searchParams.keys()]) u.searchParams.set(k, '***');
  return `${u.origin}${u.pathname}${u.search ? decodeURI(u.search) : ''}`;
}
