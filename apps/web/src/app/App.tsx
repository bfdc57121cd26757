import { lazy, useMemo, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { ConfigProvider, Grid } from 'antd';
import { I18nProvider } from './i18n';
import { Layout } from './Layout';
import { createApolloClient } from './apollo';
import { RequireRole } from './RequireRole';
import { TextSizeProvider, useTextSize } from './text-size';
import { appTheme, baseFontSize } from './theme';
import { getAccessToken } from '../shared/session';

// The sign-in form (~28 KB gzip with antd's Form) is its own chunk, so signed-in people (a leader
// opening the dashboard) never download it; without a session it starts downloading at once, in
// parallel with React starting up, so the form is in the page as early as before for autofill.
const loadLoginPage = () => import('../features/auth/LoginPage');
const LoginPage = lazy(loadLoginPage);
// Where the visit started: by the time the form is there, a signed-out visit has been sent to /login.
const startPath = typeof window !== 'undefined' ? window.location.pathname : '';
if (typeof window !== 'undefined' && !getAccessToken()) {
  void loadLoginPage().then(
    // Signed out on the way to a dashboard (a bookmark): once the form is there, its code and the
    // charts' (the page's module starts loading them), so that after Enter only data is awaited.
    () => dashboardAddress.test(startPath) && setTimeout(preloadDashboard, 0),
    () => undefined,
  );
}

/**
 * React.lazy for a module that may already be here: then it renders at once (a thenable that
 * resolves synchronously) instead of suspending for a tick behind its fallback.
 */
function eagerLazy<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): { Component: LazyExoticComponent<ComponentType<P>>; load: () => Promise<unknown> } {
  type M = { default: ComponentType<P> };
  let loaded: M | null = null;
  const loadAndKeep = () => load().then((m) => (loaded = m));
  const Component = lazy(() =>
    loaded ? ({ then: (resolve: (m: M) => void) => resolve(loaded!) } as unknown as Promise<M>) : loadAndKeep(),
  );
  return { Component, load: loadAndKeep };
}

// Route-level code splitting for the heavier pages.
const loadPolicyPage = () => import('../features/policy/PolicyPage');
const PolicyPage = lazy(loadPolicyPage);
const NotFoundPage = lazy(() => import('./NotFoundPage'));
// The pages of one policy live under /p/:policyId; the addresses of before redirect there.
const policyScope = eagerLazy<object>(() => import('../features/policy-nav/PolicyScope'));
const PolicyScope = policyScope.Component;
const legacyPolicyRedirect = eagerLazy<object>(() =>
  import('../features/policy-nav/LegacyRedirects').then((m) => ({ default: m.LegacyPolicyRedirect })),
);
const LegacyPolicyRedirect = legacyPolicyRedirect.Component;
const LegacyMeasureRedirect = lazy(() =>
  import('../features/policy-nav/LegacyRedirects').then((m) => ({ default: m.LegacyMeasureRedirect })),
);
const LegacyReviewRedirect = lazy(() =>
  import('../features/policy-nav/LegacyRedirects').then((m) => ({ default: m.LegacyReviewRedirect })),
);
// Reporting and review are for signed-in units and the office: none of their code is in the first load.
const TasksPage = lazy(() => import('../features/reporting/TasksPage'));
const ReportFormPage = lazy(() => import('../features/reporting/ReportFormPage'));
const ReportPeriodRedirect = lazy(() => import('../features/reporting/ReportPeriodRedirect'));
const ReviewPage = lazy(() => import('../features/review/ReviewPage'));
const ReportPage = lazy(() => import('../features/review/ReportPage'));
// The leaders' dashboard brings the charts (recharts): its own chunk, never in the first load.
let dashboardModule: typeof import('../features/dashboard/DashboardPage') | null = null;
const loadDashboardPage = () => import('../features/dashboard/DashboardPage').then((m) => (dashboardModule = m));
// Once its code is here, the page renders at once (a thenable that resolves synchronously) instead
// of suspending for a tick: see firstPageReady.
const DashboardPage = lazy(() =>
  dashboardModule
    ? ({ then: (resolve: (m: typeof dashboardModule) => void) => resolve(dashboardModule) } as unknown as Promise<
        NonNullable<typeof dashboardModule>
      >)
    : loadDashboardPage(),
);
/** A dashboard's overview as it first shows: the address of before (a bookmark) or the policy's own. */
const dashboardAddress = new RegExp(`^${import.meta.env.BASE_URL}(p/[^/]+/)?dashboard$`);
/** The code between sign-in and a dashboard's first chart: the redirect, the policy scope, the page (and so the charts). */
function preloadDashboard() {
  for (const load of [legacyPolicyRedirect.load, policyScope.load, loadDashboardPage]) void load().catch(() => undefined);
}
const CountyPage = lazy(() => import('../features/dashboard/CountyPage'));
const MeasurePage = lazy(() => import('../features/dashboard/MeasurePage'));
// The leaders' portfolio across every published policy (their landing page after sign-in).
const PortfolioPage = lazy(() => import('../features/portfolio/PortfolioPage'));
// The quarterly supervision review (督查) and the units' follow-up items (督办事项).
const SupervisionListPage = lazy(() => import('../features/supervision/SupervisionListPage'));
const SupervisionReviewPage = lazy(() => import('../features/supervision/SupervisionReviewPage'));
const MyItemsPage = lazy(() => import('../features/supervision/MyItemsPage'));
// 催办: what chasing sent and the units' group robots (the office).
const ChasingPage = lazy(() => import('../features/chasing/ChasingPage'));
// 系统管理: accounts, unit accounts, quotas, periods, units, the audit (the office and the administrator).
const AdminPage = lazy(() => import('../features/admin/AdminPage'));
// Where a temporary password leads after sign-in (and nowhere else until it is changed).
const ChangePasswordPage = lazy(() => import('../features/admin-accounts/ChangePasswordPage'));

const REPORTERS = ['REPORTER'] as const;
const REVIEWERS = ['OFFICE', 'ADMIN'] as const;
/** Anyone signed in may open a report's page; the API decides whose reports they may read. */
const ANY_ROLE = ['ADMIN', 'OFFICE', 'LEADER', 'REPORTER'] as const;
const SUPERVISORS = ['OFFICE', 'ADMIN', 'LEADER'] as const;

// Most visits open the policy page: start downloading it now, in parallel with React starting
// up, instead of after the first render (one round trip less on a phone network).
const policyPagePath = new RegExp(`^${import.meta.env.BASE_URL}(p/[^/]+/?)?$`);
if (typeof window !== 'undefined' && policyPagePath.test(window.location.pathname)) {
  void loadPolicyPage().catch(() => undefined); // React.lazy retries and reports a real failure
  // `/` is redirected to its policy's address, whose scope checks the policy: both tiny, both now.
  void import('../features/policy-nav/PolicyScope').catch(() => undefined);
  if (window.location.pathname === import.meta.env.BASE_URL) void import('../features/policy-nav/LegacyRedirects').catch(() => undefined);
}
/**
 * Likewise the leaders' overview (a link sent to a leader, a bookmark), signed in: main.tsx waits
 * for its code (at most FIRST_PAGE_WAIT_MS) before the first render. Rendered before, the route
 * would show its fallback, and React reveals suspended content no sooner than 300 ms after a
 * fallback: the page, its queries and its first chart would start ~0.3 s later.
 */
const FIRST_PAGE_WAIT_MS = 1000;
export const firstPageReady: Promise<unknown> | null =
  typeof window !== 'undefined' && dashboardAddress.test(window.location.pathname) && getAccessToken()
    ? Promise.race([loadDashboardPage().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS))])
    : null;

/** Larger type on meeting-room screens, where leaders read from a distance, and for whoever chose 大字. */
function ResponsiveTheme({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  const { size } = useTextSize();
  const theme = useMemo(() => appTheme(baseFontSize(!!screens.xxl, size)), [screens.xxl, size]);
  // autoInsertSpace off: antd would render a two-character button 登录 as "登 录".
  // (No antd <App> wrapper: its message/notification/modal hooks are unused and cost ~25 KB gzip.)
  return (
    <ConfigProvider theme={theme} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LegacyPolicyRedirect />} />
        <Route path="p/:policyId" element={<PolicyScope />}>
          <Route index element={<PolicyPage />} />
          <Route
            path="dashboard"
            element={
              <RequireRole roles={ANY_ROLE}>
                <DashboardPage />
              </RequireRole>
            }
          />
          <Route
            path="dashboard/county/:countyId"
            element={
              <RequireRole roles={ANY_ROLE}>
                <CountyPage />
              </RequireRole>
            }
          />
          <Route
            path="dashboard/measure/:measureId"
            element={
              <RequireRole roles={ANY_ROLE}>
                <MeasurePage />
              </RequireRole>
            }
          />
          <Route
            path="supervision"
            element={
              <RequireRole roles={SUPERVISORS}>
                <SupervisionListPage />
              </RequireRole>
            }
          />
          <Route
            path="supervision/:id"
            element={
              <RequireRole roles={SUPERVISORS}>
                <SupervisionReviewPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="login" element={<LoginPage />} />
        <Route
          path="tasks"
          element={
            <RequireRole roles={REPORTERS}>
              <TasksPage />
            </RequireRole>
          }
        />
        <Route
          path="report/q/:quarter"
          element={
            <RequireRole roles={REPORTERS}>
              <ReportFormPage />
            </RequireRole>
          }
        />
        <Route
          path="report/:periodId"
          element={
            <RequireRole roles={REPORTERS}>
              <ReportPeriodRedirect />
            </RequireRole>
          }
        />
        <Route
          path="review"
          element={
            <RequireRole roles={REVIEWERS}>
              <ReviewPage />
            </RequireRole>
          }
        />
        <Route
          path="reports/:id"
          element={
            <RequireRole roles={ANY_ROLE}>
              <ReportPage />
            </RequireRole>
          }
        />
        {/* Addresses of before the policy was in them: the same page of the policy they meant. */}
        <Route
          path="dashboard"
          element={
            <RequireRole roles={ANY_ROLE}>
              <LegacyPolicyRedirect />
            </RequireRole>
          }
        />
        <Route
          path="dashboard/county/:countyId"
          element={
            <RequireRole roles={ANY_ROLE}>
              <LegacyPolicyRedirect />
            </RequireRole>
          }
        />
        <Route
          path="dashboard/measure/:measureId"
          element={
            <RequireRole roles={ANY_ROLE}>
              <LegacyMeasureRedirect />
            </RequireRole>
          }
        />
        <Route
          path="supervision"
          element={
            <RequireRole roles={SUPERVISORS}>
              <LegacyPolicyRedirect />
            </RequireRole>
          }
        />
        <Route
          path="portfolio"
          element={
            <RequireRole roles={SUPERVISORS}>
              <PortfolioPage />
            </RequireRole>
          }
        />
        <Route
          path="supervision/items"
          element={
            <RequireRole roles={REPORTERS}>
              <MyItemsPage />
            </RequireRole>
          }
        />
        <Route
          path="supervision/:id"
          element={
            <RequireRole roles={SUPERVISORS}>
              <LegacyReviewRedirect />
            </RequireRole>
          }
        />
        <Route
          path="chasing"
          element={
            <RequireRole roles={REVIEWERS}>
              <ChasingPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/*"
          element={
            <RequireRole roles={REVIEWERS}>
              <AdminPage />
            </RequireRole>
          }
        />
        <Route
          path="change-password"
          element={
            <RequireRole roles={ANY_ROLE}>
              <ChangePasswordPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App({ client }: { client?: ApolloClient }) {
  const apolloClient = useMemo(() => client ?? createApolloClient(), [client]);
  return (
    <ApolloProvider client={apolloClient}>
      <I18nProvider>
        <TextSizeProvider>
          <ResponsiveTheme>
            <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '') || undefined}>
              <AppRoutes />
            </BrowserRouter>
          </ResponsiveTheme>
        </TextSizeProvider>
      </I18nProvider>
    </ApolloProvider>
  );
}
