import { lazy, Suspense } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { Typography } from 'antd';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { PageFallback } from '../../app/PageFallback';
import './admin.css';

// Each section is its own chunk: the office opens one at a time.
const AccountsPage = lazy(() => import('../admin-accounts/AccountsPage'));
const UnitAccountsPage = lazy(() => import('../admin-accounts/UnitAccountsPage'));
const QuotasPage = lazy(() => import('../admin-setup/QuotasPage'));
const PeriodsPage = lazy(() => import('../admin-setup/PeriodsPage'));
const UnitsPage = lazy(() => import('../admin-setup/UnitsPage'));
const AuditPage = lazy(() => import('../admin-audit/AuditPage'));
// 政策文件: importing a notice, reviewing its draft, publishing it.
const NoticesListPage = lazy(() => import('../admin-notices/NoticesListPage'));
const NoticeImportPage = lazy(() => import('../admin-notices/NoticeImportPage'));
const DraftReviewPage = lazy(() => import('../admin-notices/DraftReviewPage'));

interface Section {
  path: string;
  label: MessageKey;
}

const SECTIONS: readonly Section[] = [
  { path: 'notices', label: 'admin.notices' },
  { path: 'accounts', label: 'admin.accounts' },
  { path: 'unit-accounts', label: 'admin.unitAccounts' },
  { path: 'quotas', label: 'admin.quotas' },
  { path: 'periods', label: 'admin.periods' },
  { path: 'units', label: 'admin.units' },
  { path: 'audit', label: 'admin.audit' },
];

/** 系统管理: everything that sets the system up, for the office and the administrator, one section at a time. */
export default function AdminPage() {
  const { t } = useI18n();
  return (
    <div className="ls-page ls-admin" data-testid="admin-page">
      <Typography.Title level={3}>{t('admin.title')}</Typography.Title>
      <nav className="ls-admin-nav" aria-label={t('admin.title')}>
        {SECTIONS.map((s) => (
          <NavLink
            key={s.path}
            to={`/admin/${s.path}`}
            data-testid={`admin-nav-${s.path}`}
            className={({ isActive }) => (isActive ? 'active' : undefined)}
          >
            {t(s.label)}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<PageFallback />}>
        <Routes>
          <Route index element={<Navigate to="accounts" replace />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="unit-accounts" element={<UnitAccountsPage />} />
          <Route path="quotas" element={<QuotasPage />} />
          <Route path="periods" element={<PeriodsPage />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="notices" element={<NoticesListPage />} />
          <Route path="notices/import" element={<NoticeImportPage />} />
          <Route path="notices/:id" element={<DraftReviewPage />} />
        </Routes>
      </Suspense>
    </div>
  );
}
