import { getAccessToken, saveSession } from '../../shared/session';
import { signOutEverywhere } from './sign-out';

const user = { id: 'u1', username: 'office1', role: 'OFFICE' as const, agency: null };
const signIn = () => saveSession({ accessToken: 'abc', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user });

describe('signOutEverywhere', () => {
  it('sends logout with the token still there, then drops the token and the cache', async () => {
    signIn();
    const seen: (string | null)[] = [];
    const client = {
      mutate: jest.fn(async () => (seen.push(getAccessToken()), { data: { logout: true } })),
      clearStore: jest.fn(async () => []),
    };
    await signOutEverywhere(client as never);
    expect(client.mutate).toHaveBeenCalledWith({ mutation: expect.objectContaining({ kind: 'Document' }) });
    expect(seen).toEqual(['abc']);
    expect(getAccessToken()).toBeNull();
    expect(client.clearStore).toHaveBeenCalled();
  });

  it('signs out here even when the server cannot be reached', async () => {
    signIn();
    const client = { mutate: jest.fn(async () => Promise.reject(new Error('offline'))), clearStore: jest.fn(async () => []) };
    await signOutEverywhere(client as never);
    expect(getAccessToken()).toBeNull();
    expect(client.clearStore).toHaveBeenCalled();
  });
});
