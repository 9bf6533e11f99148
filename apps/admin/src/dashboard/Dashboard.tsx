import HowToRegIcon from '@mui/icons-material/HowToReg';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useGetIdentity, useGetList, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { isStaff, type Role } from '../access';
import { fiscalYearLabel, fiscalYearOf, formatDate, type DisplayLocale } from '@app/domain/model';
import { MyAvailabilityCard, MyTrainingCard } from '../my/MyDashboardCards';
import { OwedPanel } from '../my/OwedPanel';
import { apiClient } from '../providers';
import { CoordinatorPanels } from './CoordinatorPanels';
import { DashboardCard } from './DashboardCard';
import { liveQuery } from '../lib/live';
import { StaffPanels } from './StaffPanels';

const Grid = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)' } }}>
    {children}
  </Box>
);

/** `/requests` with a filter, as react-admin's list reads it from the URL. */
export const filteredList = (resource: string, filter: Record<string, string>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A count from a list endpoint's `total` (one row fetched). */
const CountCard = ({
  resource,
  filter,
  title,
  hint,
  icon,
  to,
}: {
  resource: string;
  filter: Record<string, string>;
  title: string;
  hint?: string;
  icon: React.ReactNode;
  to?: string;
}) => {
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter }, liveQuery);
  return (
    <DashboardCard title={title} hint={hint} icon={icon} value={error ? '—' : total} loading={isPending} to={to} />
  );
};

/** GET /api/offers takes no paging: the volunteer's pending offers, counted. */
const PendingOffersCard = () => {
  const { data, isPending, error } = useQuery({
    queryKey: ['offers', 'pending', 'count'],
    queryFn: () => apiClient.request<{ data: unknown[]; total: number }>('/offers', { query: { status: 'pending' } }),
    ...liveQuery,
  });
  return (
    <DashboardCard
      title="app.dashboard.cards.offers"
      hint="app.dashboard.cards.offers_hint"
      icon={<MailOutlinedIcon />}
      value={error ? '—' : data?.total}
      loading={isPending}
      to="/offers"
    />
  );
};

const VolunteerCards = () => {
  const [now] = useState(() => new Date().toISOString());
  return (
    <Grid>
      <PendingOffersCard />
      <CountCard
        resource="dispatches"
        filter={{ status: 'confirmed', from: now }}
        title="app.dashboard.cards.dispatches"
        hint="app.dashboard.cards.dispatches_hint"
        icon={<HowToRegIcon />}
        to="/dispatches"
      />
      <MyAvailabilityCard />
      <MyTrainingCard />
    </Grid>
  );
};

/** One dashboard per role: staff and admins, hospital coordinators, volunteers. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  const [locale] = useLocaleState();
  if (isPending || !permissions) return <Loading />;
  const now = new Date();
  const displayLocale: DisplayLocale = locale === 'en' ? 'en' : 'ja';
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title="app.dashboard.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1">
            {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <Typography color="text.secondary">
            {translate('app.dashboard.signed_in_as', { role: translate(`app.role.${permissions}`) })}
          </Typography>
          <Typography sx={{ mt: 1 }} data-testid="today">
            {translate('app.dashboard.today')}: {formatDate(now, displayLocale)} ·{' '}
            {translate('app.dashboard.fiscal_year')}: {fiscalYearLabel(fiscalYearOf(now), displayLocale)}
          </Typography>
        </CardContent>
      </Card>
      {isStaff(permissions) && <StaffPanels />}
      {permissions === 'volunteer' && <OwedPanel />}
      {permissions === 'coordinator' && <CoordinatorPanels />}
      {permissions === 'volunteer' && <VolunteerCards />}
    </Box>
  );
};
