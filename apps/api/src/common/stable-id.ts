import { createHash } from 'node:crypto';

// A fixed namespace: ids derived from natural keys are the same on every machine and every start.
const NAMESPACE = 'luoshi:';

/**
 * A UUID (version 5 layout) derived from a natural key, such as ('measure', '江就辦〔2024〕1號', 7).
 * Seeds use it so that loading twice changes nothing and tests can name rows without looking them up.
 */
export function stableId(...parts: (string | number)[]): string {
  const hash = createHash('sha1')
    .update(NAMESPACE + parts.join('\u001f'))
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
