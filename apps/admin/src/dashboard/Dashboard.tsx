import AssignmentIcon from '@mui/icons-material/Assignment';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import PeopleIcon from '@mui/icons-material/People';
import PostAddIcon from '@mui/icons-material/PostAdd';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import RateReviewIcon from '@mui/icons-material/RateReview';
import SchoolIcon from '@mui/icons-material/School';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity, useGetList, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { isStaff, type Role } from '../access';
import { fiscalYearLabel, fiscalYearOf, formatDate, type DisplayLocale } from '../lib/dates';
import { DashboardCard } from './DashboardCard';

const Grid = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)' } }}>{children}</Box>
);

const UsersCard = () => {
  const { total, isPending } = useGetList('users', { pagination: { page: 1, perPage: 1 } });
  return <DashboardCard title="app.dashboard.cards.users" hint="app.dashboard.cards.users_hint" icon={<PeopleIcon />} value={total} loading={isPending} />;
};

const StaffCards = ({ role }: { role: Role }) => (
  <Grid>
    {role === 'admin' && <UsersCard />}
    <DashboardCard title="app.dashboard.cards.open_requests" icon={<AssignmentIcon />} comingSoon />
    <DashboardCard title="app.dashboard.cards.escalated" icon={<ReportProblemIcon />} comingSoon />
    <DashboardCard title="app.dashboard.cards.pending_reports" icon={<RateReviewIcon />} comingSoon />
    <DashboardCard title="app.dashboard.cards.upcoming_courses" icon={<SchoolIcon />} comingSoon />
  </Grid>
);

const CoordinatorCards = () => (
  <Grid>
    <DashboardCard title="app.dashboard.cards.new_request" icon={<PostAddIcon />} comingSoon />
    <DashboardCard title="app.dashboard.cards.my_requests" icon={<AssignmentIcon />} comingSoon />
  </Grid>
);

const VolunteerCards = () => (
  <Grid>
    <DashboardCard title="app.dashboard.cards.offers" icon={<MailOutlinedIcon />} comingSoon />
    <DashboardCard title="app.dashboard.cards.dispatches" icon={<HowToRegIcon />} comingSoon />
    <DashboardCard title="app.dashboard.cards.availability" icon={<EventAvailableIcon />} comingSoon />
    <DashboardCard title="app.dashboard.cards.training" icon={<SchoolIcon />} comingSoon />
  </Grid>
);

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
          <Typography color="text.secondary">{translate('app.dashboard.signed_in_as', { role: translate(`app.role.${permissions}`) })}</Typography>
          <Typography sx={{ mt: 1 }} data-testid="today">
            {translate('app.dashboard.today')}: {formatDate(now, displayLocale)} · {translate('app.dashboard.fiscal_year')}: {fiscalYearLabel(fiscalYearOf(now), displayLocale)}
          </Typography>
        </CardContent>
      </Card>
      {isStaff(permissions) ? <StaffCards role={permissions} /> : permissions === 'coordinator' ? <CoordinatorCards /> : <VolunteerCards />}
    </Box>
  );
};
