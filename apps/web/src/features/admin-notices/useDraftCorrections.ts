import { useCallback, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  AdminAddDraftTargetDocument,
  AdminMapDraftAgencyDocument,
  AdminRemoveDraftResponsibilityDocument,
  AdminRemoveDraftTargetDocument,
  AdminSetDraftResponsibilityDocument,
  AdminUpdateDraftMeasureDocument,
  AdminUpdateDraftPolicyDocument,
  AdminUpdateDraftTargetDocument,
  type AddDraftTargetInput,
  type MapDraftAgencyInput,
  type RemoveDraftResponsibilityInput,
  type RemoveDraftTargetInput,
  type SetDraftResponsibilityInput,
  type UpdateDraftMeasureInput,
  type UpdateDraftPolicyInput,
  type UpdateDraftTargetInput,
} from '../../graphql/generated';
import { apiErrorCode, isConnectionError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';

type WithoutVersion<T> = Omit<T, 'version'>;

/** What the last correction came to, for the page's status line. */
export type CorrectionStatus = { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; message: string } | null;

/**
 * Every correction of a draft, each sending the policy's version as the page last read it. The
 * answer is the whole draft (DraftPolicy), which Apollo's cache puts on the page, version included.
 * A CONFLICT (someone else corrected it meanwhile) reloads the draft and says so; nothing of the
 * refused change was stored, so the office sees the latest content and may redo it.
 */
export function useDraftCorrections(version: number, reload: () => Promise<unknown>) {
  const { t } = useI18n();
  const latest = useRef(version);
  latest.current = version;
  const [status, setStatus] = useState<CorrectionStatus>(null);
  const [busy, setBusy] = useState(false);
  const [updatePolicy] = useMutation(AdminUpdateDraftPolicyDocument);
  const [updateMeasure] = useMutation(AdminUpdateDraftMeasureDocument);
  const [setResponsibility] = useMutation(AdminSetDraftResponsibilityDocument);
  const [removeResponsibility] = useMutation(AdminRemoveDraftResponsibilityDocument);
  const [mapAgency] = useMutation(AdminMapDraftAgencyDocument);
  const [addTarget] = useMutation(AdminAddDraftTargetDocument);
  const [updateTarget] = useMutation(AdminUpdateDraftTargetDocument);
  const [removeTarget] = useMutation(AdminRemoveDraftTargetDocument);

  const run = useCallback(
    async (send: (version: number) => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      try {
        await send(latest.current);
        setStatus({ kind: 'saved' });
        return true;
      } catch (error) {
        if (apiErrorCode(error) === 'CONFLICT') {
          setStatus({ kind: 'conflict' });
          await reload().catch(() => undefined);
        } else {
          setStatus({ kind: 'failed', message: isConnectionError(error) ? t('noticeDraft.network') : (error as Error).message });
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [reload, t],
  );

  return {
    status,
    busy,
    clearStatus: () => setStatus(null),
    updatePolicy: (input: WithoutVersion<UpdateDraftPolicyInput>) =>
      run((v) => updatePolicy({ variables: { input: { ...input, version: v } } })),
    updateMeasure: (input: WithoutVersion<UpdateDraftMeasureInput>) =>
      run((v) => updateMeasure({ variables: { input: { ...input, version: v } } })),
    setResponsibility: (input: WithoutVersion<SetDraftResponsibilityInput>) =>
      run((v) => setResponsibility({ variables: { input: { ...input, version: v } } })),
    removeResponsibility: (input: WithoutVersion<RemoveDraftResponsibilityInput>) =>
      run((v) => removeResponsibility({ variables: { input: { ...input, version: v } } })),
    mapAgency: (input: WithoutVersion<MapDraftAgencyInput>) => run((v) => mapAgency({ variables: { input: { ...input, version: v } } })),
    addTarget: (input: WithoutVersion<AddDraftTargetInput>) => run((v) => addTarget({ variables: { input: { ...input, version: v } } })),
    updateTarget: (input: WithoutVersion<UpdateDraftTargetInput>) =>
      run((v) => updateTarget({ variables: { input: { ...input, version: v } } })),
    removeTarget: (input: WithoutVersion<RemoveDraftTargetInput>) =>
      run((v) => removeTarget({ variables: { input: { ...input, version: v } } })),
  };
}

export type DraftCorrections = ReturnType<typeof useDraftCorrections>;
