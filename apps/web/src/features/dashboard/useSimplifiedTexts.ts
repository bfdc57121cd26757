import { useLayoutEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { SimplifiedTextsDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { removePageTexts, setPageTexts } from '../../shared/simplified-texts';

/**
 * Registers the simplified forms of the policy's dashboard texts with the display layer while the
 * page is mounted (fetched once per policy, then from Apollo's cache), so `useDisplayText` shows
 * them without opencc. Returns whether they are there (or not needed), so a page can keep its
 * skeleton until then rather than flash traditional characters; if the query fails, opencc
 * converts them as on other pages.
 */
export function useSimplifiedTexts(policyId: string | null | undefined): boolean {
  const { lang } = useI18n();
  const skip = !policyId || lang === 'zh-Hant';
  const { data, error } = useQuery(SimplifiedTextsDocument, { variables: { policyId: policyId ?? '' }, skip });
  const texts = data?.simplifiedTexts;
  // A layout effect: it runs before the passive effects in which the page's components decide
  // whether they need opencc for what they have just shown.
  useLayoutEffect(() => {
    if (lang === 'zh-Hant') return;
    const page = {};
    setPageTexts(page, error ? 'failed' : (texts ?? 'waiting'));
    return () => removePageTexts(page);
  }, [lang, texts, error]);
  // Ready: the page may show its texts without them changing script a moment later.
  return skip || !!texts || !!error;
}
