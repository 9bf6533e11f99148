import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AccessDenied } from './layout/AccessDenied';
import { AppTitle } from './layout/AppTitle';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { lazyPage } from './lib/lazy-page';
import { myRoutes } from './my/routes';
import { authProvider, dataProvider, i18nProvider, queryClient } from './providers';
import { resources } from './resources';
import { theme } from './theme';

/*
 * Only the sign-in page and the layout come with the first load; every page is fetched when first
 * opened (README, "Panel first load").
 */
const ExportsPage = lazyPage(() => import('./exports/ExportsPage').then((m) => m.ExportsPage));
const FiguresPage = lazyPage(() => import('./figures/FiguresPage').then((m) => m.FiguresPage));
const FeeRulesPage = lazyPage(() => import('./fees/FeeRulesPage').then((m) => m.FeeRulesPage));
const OfferLinkPage = lazyPage(() => import('./offer-link/OfferLinkPage').then((m) => m.OfferLinkPage));
const ProfilePage = lazyPage(() => import('./profile/ProfilePage').then((m) => m.ProfilePage));
const ReconfirmLinkPage = lazyPage(() => import('./reconfirm-link/ReconfirmLinkPage').then((m) => m.ReconfirmLinkPage));
const SetPasswordPage = lazyPage(() => import('./set-password/SetPasswordPage').then((m) => m.SetPasswordPage));
const ReportFormPage = lazyPage(() => import('./resources/reports/ReportFormPage').then((m) => m.ReportFormPage));
const TwoFactorEnrolPage = lazyPage(() => import('./two-factor/TwoFactorPage').then((m) => m.TwoFactorEnrolPage));
const TwoFactorPage = lazyPage(() => import('./two-factor/TwoFactorPage').then((m) => m.TwoFactorPage));
const TwoFactorVerifyPage = lazyPage(() =>
  import('./two-factor/TwoFactorVerifyPage').then((m) => m.TwoFactorVerifyPage),
);
const ForgotPasswordPage = lazyPage(() =>
  import('./password-reset/ForgotPasswordPage').then((m) => m.ForgotPasswordPage),
);
const ResetPasswordPage = lazyPage(() => import('./password-reset/ResetPasswordPage').then((m) => m.ResetPasswordPage));
const DispatchOfRequest = lazyPage(() =>
  import('./resources/dispatches/DispatchShow').then((m) => m.DispatchOfRequest),
);
const MyStatementsPage = lazyPage(() => import('./statements/MyStatementsPage').then((m) => m.MyStatementsPage));
const DashboardPage = lazyPage(() => import('./dashboard/Dashboard').then((m) => m.Dashboard));

/**
 * react-admin renders the dashboard even when its session check fails, just before sending the
 * visitor to sign in: waiting for the session here keeps a signed-out visitor to /admin/ from
 * downloading the dashboard's code on the way to the sign-in page.
 */
const Dashboard = () => (
  <Authenticated>
    <DashboardPage />
  </Authenticated>
);

/**
 * One app for every role: the menu, pages and buttons follow the signed-in user's role.
 * Not `requireAuth`: with it, react-admin 5.15 loops logout → checkAuth for seconds on the
 * sign-in page; every page inside the layout needs a session instead (layout/SignedIn: signed
 * out, to the sign-in page and back).
 */
export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    queryClient={queryClient}
    layout={AppLayout}
    dashboard={Dashboard}
    loginPage={LoginPage}
    accessDenied={AccessDenied}
    theme={theme}
    disableTelemetry
  >
    {Object.entries(resources).map(([name, definition]) => (
      <Resource key={name} name={name} {...definition} />
    ))}
    <CustomRoutes noLayout>
      {/* The offer e-mail's link: public, answered with the token alone. */}
      <Route path="/offer-links/:token" element={<OfferLinkPage />} />
      <Route path="/reconfirm-links/:token" element={<ReconfirmLinkPage />} />
      {/* The invitation e-mail's link: choose a password, then sign in. */}
      <Route path="/set-password" element={<SetPasswordPage />} />
      {/* A forgotten password: ask for the mail, then its link chooses a new one. */}
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      {/* After the password, before the session: the code step, or enrolment where 2FA is required. */}
      <Route path="/two-factor" element={<TwoFactorVerifyPage />} />
      <Route path="/two-factor/enrol" element={<TwoFactorEnrolPage />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route
        path="/profile"
        element={
          <Authenticated>
            <ProfilePage />
          </Authenticated>
        }
      />
      <Route
        path="/security"
        element={
          <Authenticated>
            <TwoFactorPage />
          </Authenticated>
        }
      />
      <Route
        path="/fee-rules"
        element={
          <Authenticated>
            <FeeRulesPage />
          </Authenticated>
        }
      />
      <Route
        path="/figures"
        element={
          <Authenticated>
            <FiguresPage />
          </Authenticated>
        }
      />
      <Route
        path="/exports"
        element={
          <Authenticated>
            <ExportsPage />
          </Authenticated>
        }
      />
      {/* A coordinator's hospital's month, a volunteer's honoraria and transport. */}
      <Route
        path="/statements"
        element={
          <Authenticated>
            <MyStatementsPage />
          </Authenticated>
        }
      />
      {/* A volunteer's activity report on one of their dispatches. */}
      <Route
        path="/dispatches/:id/report"
        element={
          <Authenticated>
            <ReportFormPage />
          </Authenticated>
        }
      />
      {/* The offer page's link to the visit it gave the volunteer: it knows the request, not the dispatch. */}
      <Route
        path="/dispatches/of-request/:requestId"
        element={
          <Authenticated>
            <DispatchOfRequest />
          </Authenticated>
        }
      />
      {myRoutes}
    </CustomRoutes>
  </Admin>
);
