import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { SupervisionPolicyDocument, type SupervisionReviewQuery } from '../../graphql/generated';
import { apiErrorCode, isConnectionError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { usePolicyFromRoute } from '../policy-nav';

export type Review = SupervisionReviewQuery['supervisionReview'];
export type RatingRow = Review['ratings'][number];
export type Item = Review['items'][number];

/** The notice under supervision (the one in the address) and its periods. */
export function useSupervisionPolicy() {
  const { policyId } = usePolicyFromRoute();
  const query = useQuery(SupervisionPolicyDocument, { variables: { policyId } });
  return { ...query, policyId, policy: query.data?.policy ?? null };
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
