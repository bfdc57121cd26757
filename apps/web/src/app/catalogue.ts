import type { Lang, Messages } from '../shared/i18n';
import { shellMessages } from './messages';
import { sharedMessages } from '../shared/messages';
import { authMessages } from '../features/auth/messages';
import { policyMessages } from '../features/policy/messages';
import { policyNavMessages } from '../features/policy-nav/messages';
import { reportingMessages } from '../features/reporting/messages';
import { reviewMessages } from '../features/review/messages';
import { dashboardMessages } from '../features/dashboard/messages';
import { portfolioMessages } from '../features/portfolio/messages';
import { supervisionMessages } from '../features/supervision/messages';
import { noticesMessages } from '../features/notices/messages';
import { listsMessages } from '../features/lists/messages';
import { chasingMessages } from '../features/chasing/messages';
import { adminMessages } from '../features/admin/messages';
import { adminAuditMessages } from '../features/admin-audit/messages';
import { adminSetupMessages } from '../features/admin-setup/messages';
import { unitsMessages } from '../features/admin-setup/units.messages';
import { adminNoticesMessages } from '../features/admin-notices/messages';
import { adminAccountsMessages } from '../features/admin-accounts/messages';

/**
 * Every UI text of the app, composed from the parts that own them (each feature's messages.ts,
 * shared/messages.ts for text used across features, app/messages.ts for the shell's own). The
 * traditional strings are written out rather than converted with opencc: they must be right before
 * the (lazily loaded) converter arrives, and some words differ, not only the characters (登录 / 登入,
 * 网络 / 網路).
 */
export const MESSAGE_PARTS = {
  shell: shellMessages,
  shared: sharedMessages,
  auth: authMessages,
  policy: policyMessages,
  'policy-nav': policyNavMessages,
  reporting: reportingMessages,
  review: reviewMessages,
  dashboard: dashboardMessages,
  portfolio: portfolioMessages,
  supervision: supervisionMessages,
  notices: noticesMessages,
  lists: listsMessages,
  chasing: chasingMessages,
  admin: adminMessages,
  'admin-audit': adminAuditMessages,
  'admin-setup': adminSetupMessages,
  'admin-setup-units': unitsMessages,
  'admin-notices': adminNoticesMessages,
  'admin-accounts': adminAccountsMessages,
};

/** One language's texts; typed as `Messages`, so a part missing here does not compile. */
const catalogue = (lang: Lang): Messages => ({
  ...shellMessages[lang],
  ...sharedMessages[lang],
  ...authMessages[lang],
  ...policyMessages[lang],
  ...policyNavMessages[lang],
  ...reportingMessages[lang],
  ...reviewMessages[lang],
  ...dashboardMessages[lang],
  ...portfolioMessages[lang],
  ...supervisionMessages[lang],
  ...noticesMessages[lang],
  ...listsMessages[lang],
  ...chasingMessages[lang],
  ...adminMessages[lang],
  ...adminAuditMessages[lang],
  ...adminSetupMessages[lang],
  ...unitsMessages[lang],
  ...adminNoticesMessages[lang],
  ...adminAccountsMessages[lang],
});

export const MESSAGES: Record<Lang, Messages> = { 'zh-Hans': catalogue('zh-Hans'), 'zh-Hant': catalogue('zh-Hant'), en: catalogue('en') };
