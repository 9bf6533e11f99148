import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { Dashboard } from './dashboard/Dashboard';
import { ExportsPage } from './exports/ExportsPage';
import { FiguresPage } from './figures/FiguresPage';
import { AccessDenied } from './layout/AccessDenied';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { myRoutes } from './my/routes';
import { OfferLinkPage } from './offer-link/OfferLinkPage';
import { ProfilePage } from './profile/ProfilePage';
import { ReconfirmLinkPage } from './reconfirm-link/ReconfirmLinkPage';
import { SetPasswordPage } from './set-password/SetPasswordPage';
import { authProvider, dataProvider, i18nProvider, queryClient } from './providers';
import { resources } from './resources';
import { ReportFormPage } from './resources/reports/ReportFormPage';
import { MyStatementsPage } from './statements/MyStatementsPage';
import { theme } from './theme';
import { TwoFactorEnrolPage, TwoFactorPage } from './two-factor/TwoFactorPage';
import { TwoFactorVerifyPage } from './two-factor/TwoFactorVerifyPage';

/**
 * One app for every role: the menu, pages and buttons follow the signed-in user's role.
 * Not `requireAuth`: with it, react-admin 5.15 loops logout → checkAuth for seconds on the
 * sign-in page; the dashboard, the resources and the profile check the session themselves.
 */
export const App = () => (
  <Admin
    title="app.name"
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
      {myRoutes}
    </CustomRoutes>
  </Admin>
);
