import { getAccessToken } from './session';
import { saveBlob } from './save-blob';

/** The bearer token for plain HTTP routes (files, Excel) that Apollo's link does not cover. */
export function authHeader(): Record<string, string> {
  const token = getAccessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** The API's message of a refused request ({ code, message }), or the HTTP status text. */
export async function errorMessageOf(res: Response): Promise<string> {
  return ((await res.json().catch(() => ({}))) as { message?: string }).message ?? res.statusText;
}

/**
 * Downloads need the bearer token, so a plain link will not do: fetch, then hand the blob to the
 * browser under the name the server gives (Content-Disposition), else `fallbackName`.
 */
export async function downloadWithToken(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { headers: authHeader() });
  if (!res.ok) throw new Error(await errorMessageOf(res));
  const given = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  saveBlob(await res.blob(), given ? decodeURIComponent(given) : fallbackName);
}
