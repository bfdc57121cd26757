import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { SupervisionPolicyDocument, type SupervisionReviewQuery } from '../../graphql/generated';
import { apiErrorCode, isConnectionError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { currentPolicy } from '../policy/current-policy';

export type Review = SupervisionReviewQuery['supervisionReview'];
export type RatingRow = Review['ratings'][number];
export type Item = Review['items'][number];

/** The notice under supervision and its periods (one notice for now, as on the other pages). */
export function useSupervisionPolicy() {
  const query = useQuery(SupervisionPolicyDocument);
  return { ...query, policy: currentPolicy(query.data?.policies) };
}

/**
 * Runs a mutation and turns a refusal into words: a CONFLICT (someone else changed it) says so and
 * calls `onConflict` (reload); anything else shows the API's message. Returns whether it succeeded.
 */
export function useMutationRunner(onConflict: () => unknown) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (e) {
        if (apiErrorCode(e) === 'CONFLICT') {
          setError(t('sup.conflict'));
          await Promise.resolve(onConflict()).catch(() => undefined);
        } else {
          setError(t('sup.failed', { message: isConnectionError(e) ? t('common.network') : (e as Error).message }));
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onConflict, t],
  );
  return { run, error, setError, busy };
}
