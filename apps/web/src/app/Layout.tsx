import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Flex, Grid, Layout as AntLayout, Popover, Segmented, Typography } from 'antd';
import { useAuth } from '../shared/session';
import { signOutEverywhere } from '../features/auth/sign-out';
import { useForcedPasswordChange } from '../features/admin-accounts/forced-change';
import { NoticeBell } from '../features/notices/NoticeBell';
import { MeDocument } from '../graphql/generated';
import { useDisplayText, useI18n, type Lang } from '../shared/i18n';
import { MainNav } from './MainNav';
import { useTextSize } from './text-size';
import type { TextSize } from './theme';
import { PageFallback } from './PageFallback';
import { parsePolicyPath } from '../features/policy-nav/policy-routes';

// 修改密码: the dialog (antd's Form and Modal) is its own chunk, loaded when someone opens it.
const ChangePasswordDialog = lazy(() => import('../features/admin-accounts/ChangePasswordDialog'));
// The policy switch (antd's Select): its own chunk, loaded on the pages of one policy only.
const PolicySwitch = lazy(() => import('../features/policy-nav/PolicySwitch'));

/** The switch where the address names a policy; nothing elsewhere (those pages are about no one policy). */
function PolicySwitchSlot({ compact }: { compact: boolean }) {
  const { pathname } = useLocation();
  if (!parsePolicyPath(pathname)) return null;
  return (
    <Suspense fallback={null}>
      <PolicySwitch compact={compact} />
    </Suspense>
  );
}

const LANG_OPTIONS: { value: Lang; label: string; short: string }[] = [
  { value: 'zh-Hans', label: '简体', short: '简' },
  { value: 'zh-Hant', label: '繁體', short: '繁' },
  { value: 'en', label: 'English', short: 'EN' },
];

function LanguageSwitch({ compact }: { compact: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      aria-label={t('lang.label')}
      // Each label is written in its own language so anyone can find theirs.
      options={LANG_OPTIONS.map((o) => ({
        value: o.value,
        label: (
          <span lang={o.value} title={o.label}>
            {compact ? o.short : o.label}
          </span>
        ),
      }))}
    />
  );
}

/** 标准/大字, kept per user (see text-size.tsx). */
function TextSizeSwitch({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const { size, setSize } = useTextSize();
  // A phone's header has no room for two segments: one toggle button, pressed when large.
  if (compact) {
    return (
      <Button
        type="text"
        size="small"
        aria-pressed={size === 'large'}
        aria-label={`${t('textSize.label')}: ${t('textSize.large')}`}
        data-testid="text-size"
        className={size === 'large' ? 'ls-text-size-on' : undefined}
        onClick={() => setSize(size === 'large' ? 'normal' : 'large')}
      >
        {t('textSize.large')}
      </Button>
    );
  }
  return (
    <Segmented<TextSize>
      size="small"
      value={size}
      onChange={setSize}
      aria-label={t('textSize.label')}
      data-testid="text-size"
      options={[
        { value: 'normal', label: t('textSize.normal') },
        { value: 'large', label: t('textSize.large') },
      ]}
    />
  );
}

function AccountArea({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const { user, signOut } = useAuth();
  const client = useApolloClient();
  const location = useLocation();
  // Once opened the dialog stays mounted (closed), so antd can give focus back to the button that opened it.
  const [changingPassword, setChangingPassword] = useState<boolean | null>(null);
  // A temporary password (reset by the office, a new unit account) must be changed before anything else.
  useForcedPasswordChange(!!user?.mustChangePassword);

  // A stored token can outlive its account (disabled, password reset): ask the API who we are
  // once per sign-in and drop the session if it no longer knows us.
  const me = useQuery(MeDocument, { skip: !user, fetchPolicy: 'network-only' });
  useEffect(() => {
    if (user && me.data && me.data.me === null) signOut();
  }, [user, me.data, signOut]);

  if (!user) {
    if (location.pathname === '/login') return null;
    return (
      <Link to="/login" state={{ from: location.pathname }} className="ls-signin-link">
        {t('nav.signIn')}
      </Link>
    );
  }

  const onSignOut = () => void signOutEverywhere(client);
  const changePasswordButton = (
    <Button size="small" onClick={() => setChangingPassword(true)} data-testid="header-change-password">
      {t('password.change')}
    </Button>
  );
  const changePasswordDialog = changingPassword !== null && (
    <Suspense fallback={null}>
      <ChangePasswordDialog username={user.username} open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Suspense>
  );
  const roleText = t(`role.${user.role}`);
  const agencyText = user.agency ? display(user.agency.name) : null;

  if (compact) {
    // On a phone there is no room for name, role and button side by side: tap the name for them.
    // (A Popover rather than a Dropdown menu: antd's Menu would add ~20 KB to the first load.)
    return (
      <>
        {changePasswordDialog}
        <Popover
          trigger="click"
          placement="bottomRight"
          content={
            <Flex vertical gap={8} className="ls-account-popover">
              <Typography.Text type="secondary">{[roleText, agencyText].filter(Boolean).join(' · ')}</Typography.Text>
              {changePasswordButton}
              <Button size="small" onClick={onSignOut}>
                {t('nav.signOut')}
              </Button>
            </Flex>
          }
        >
          <Button type="text" size="small" className="ls-user-button" aria-label={`${t('nav.account')} ${user.username}`}>
            <span className="ls-user-name">{user.username}</span> ▾
          </Button>
        </Popover>
      </>
    );
  }
  return (
    <span className="ls-account">
      <span className="ls-user-name" title={agencyText ?? undefined}>
        {user.username}
      </span>
      <Typography.Text type="secondary" className="ls-user-role">
        {roleText}
        {agencyText && ` · ${agencyText}`}
      </Typography.Text>
      {changePasswordButton}
      <Button size="small" onClick={onSignOut}>
        {t('nav.signOut')}
      </Button>
      {changePasswordDialog}
    </span>
  );
}

export function Layout() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const compact = !screens.sm; // phones, including WeCom's in-app browser
  const { user } = useAuth();

  return (
    <AntLayout className="ls-layout">
      <AntLayout.Header className="ls-header">
        <div className="ls-header-inner">
          <Link to="/" className="ls-brand" aria-label={`${t('app.brand')} · ${t('app.tagline')}`}>
            <span className="ls-brand-name">{t('app.brand')}</span>
            {/* Between tablet and desktop widths the links need the tagline's room. */}
            {!compact && (screens.lg || !user) && <span className="ls-brand-tagline">{t('app.tagline')}</span>}
          </Link>
          {screens.md && <MainNav />}
          <div className="ls-header-actions">
            {screens.md && <PolicySwitchSlot compact={!screens.xl} />}
            <TextSizeSwitch compact={compact} />
            <LanguageSwitch compact={compact} />
            {user && <NoticeBell />}
            <AccountArea compact={!screens.md} />
          </div>
        </div>
        {/* On a phone the links get their own row: the top row has no room beside the account. */}
        {!screens.md && <MainNav className="ls-nav-row" />}
        {!screens.md && (
          <div className="ls-policy-row">
            <PolicySwitchSlot compact />
          </div>
        )}
      </AntLayout.Header>
      <AntLayout.Content className="ls-content">
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </AntLayout.Content>
    </AntLayout>
  );
}
