import type { DispatchView, RequestView } from '@app/domain/model';
import PhoneIcon from '@mui/icons-material/Phone';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useGetMany, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate, formatTime, formatTimeRange } from '@app/domain/model';
import { liveQuery } from '../lib/live';
import { useDisplayLocale } from '../lib/use-display-locale';
import { enumKey } from '../lib/workflow-choices';
import { apiClient } from '../providers';
import { ReconfirmedChip } from '../resources/dispatches/ReconfirmedChip';
import type { ReportRecord } from '../resources/reports/types';
import { showsUrgent } from '../resources/requests/request-state';
import {
  type FillState,
  fillState,
  nearDay,
  type LapsingVolunteer,
  notReconfirmedTomorrow,
  splitStanding,
  staffWindows,
  type StaffWindows,
  unfilledSoon,
} from './staff-desk';
import { ReadyForPromotionPanel } from './PromotionPanel';

const Pending = () => (
  <Stack gap={1}>
    <Skeleton height={32} />
    <Skeleton height={32} />
  </Stack>
);

export const Empty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate(message)}</Typography>;
};

/** A dashboard panel: a titled region with how many items it holds, loading and error states. */
export const DeskCard = ({
  title,
  testId,
  count,
  isPending,
  error,
  children,
  sx,
}: {
  title: string;
  testId: string;
  count?: number;
  isPending: boolean;
  error?: Error | null;
  children: ReactNode;
  sx?: object;
}) => {
  const translate = useTranslate();
  const id = useId();
  return (
    <Card data-testid={testId} role="region" aria-labelledby={id} sx={sx}>
      <CardContent>
        <Stack direction="row" gap={1} alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="h6" component="h2" id={id} sx={{ flex: 1 }}>
            {translate(title)}
          </Typography>
          {!isPending && !error && count !== undefined && (
            <Chip
              size="small"
              color={count > 0 ? 'primary' : 'default'}
              label={translate('app.staff_desk.count', { count, smart_count: count })}
              data-testid={`${testId}-count`}
            />
          )}
        </Stack>
        {isPending ? <Pending /> : error ? <Alert severity="error">{error.message}</Alert> : children}
      </CardContent>
    </Card>
  );
};

const hospitalNames = (records: { id: string; name?: string }[] | undefined) =>
  new Map((records ?? []).map((r) => [r.id, r.name ?? '']));

/** The hospitals of these rows, by id (a handful of GETs, cached). */
const useHospitalNames = (ids: string[]) =>
  hospitalNames(useGetMany('hospitals', { ids: [...new Set(ids)] }, { enabled: ids.length > 0 }).data);

type RequestRow = Pick<
  RequestView,
  | 'id'
  | 'reference'
  | 'hospitalId'
  | 'language'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'urgent'
  | 'onHold'
  | 'escalationReason'
>;

const useRequests = (key: string, query: Record<string, string | number>) =>
  useQuery({
    queryKey: ['requests', 'staff-desk', key, query],
    queryFn: () => apiClient.request<{ data: RequestRow[]; total: number }>('/requests', { query }),
    ...liveQuery,
  });

const FILL_CHIP: Record<
  FillState,
  { color: 'error' | 'info' | 'default' | 'warning'; variant: 'filled' | 'outlined' }
> = {
  escalated: { color: 'error', variant: 'filled' },
  offers_out: { color: 'info', variant: 'filled' },
  waiting: { color: 'warning', variant: 'outlined' },
  held: { color: 'default', variant: 'outlined' },
};

const FillChip = ({ state }: { state: FillState }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={FILL_CHIP[state].color}
      variant={FILL_CHIP[state].variant}
      label={translate(`app.staff_desk.unfilled.state.${state}`)}
      data-state={state}
    />
  );
};

/** 明日 10:00–11:30 for a visit today, tomorrow or the day after; the full date further out. */
const VisitWhen = ({ startsAt, endsAt, windows }: { startsAt: string; endsAt: string; windows: StaffWindows }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const day = nearDay(startsAt, windows);
  const full = formatTimeRange(startsAt, endsAt, locale);
  if (!day) return <span>{full}</span>;
  return (
    <span title={full}>
      {translate(`app.staff_desk.day.${day}`)} {formatTime(startsAt)}–{formatTime(endsAt)}
    </span>
  );
};

/** One request line: state, time, language; below, the hospital, the reference and (escalated) why. */
const RequestLine = ({
  r,
  hospital,
  windows,
}: {
  r: RequestRow;
  hospital: string | undefined;
  windows: StaffWindows;
}) => {
  const translate = useTranslate();
  const now = new Date(windows.now);
  const reason =
    r.status === 'escalated' && r.escalationReason
      ? translate(enumKey('escalation_reason', r.escalationReason), { _: r.escalationReason })
      : null;
  return (
    <ListItemButton component={RouterLink} to={`/requests/${r.id}/show`} divider data-testid="desk-request">
      <ListItemText
        primary={
          <Stack component="span" direction="row" gap={1} alignItems="center" flexWrap="wrap">
            <FillChip state={fillState(r)} />
            {showsUrgent(r, now) && <Chip size="small" color="warning" label={translate('app.requests.urgent')} />}
            <VisitWhen startsAt={r.startsAt} endsAt={r.endsAt} windows={windows} />
            <span>{translate(enumKey('language', r.language))}</span>
          </Stack>
        }
        secondary={
          <>
            {`${hospital ?? '…'} · ${r.reference}`}
            {reason && (
              <Typography component="span" display="block" variant="body2" color="error.main">
                {reason}
              </Typography>
            )}
          </>
        }
      />
    </ListItemButton>
  );
};

/** Visits starting within 48 hours that nobody holds yet — while offers are out too — soonest first. */
export const UnfilledSoonPanel = ({ windows }: { windows: StaffWindows }) => {
  const { data, isPending, error } = useRequests('unfilled', {
    from: windows.now,
    to: windows.horizon,
    sort: 'startsAt',
    order: 'ASC',
    perPage: 100,
  });
  const rows = unfilledSoon(data?.data ?? [], windows);
  const hospitals = useHospitalNames(rows.map((r) => r.hospitalId));
  return (
    <DeskCard
      title="app.staff_desk.unfilled.title"
      testId="unfilled-soon"
      count={rows.length}
      isPending={isPending}
      error={error}
    >
      {rows.length === 0 ? (
        <Empty message="app.staff_desk.unfilled.none" />
      ) : (
        <List dense disablePadding>
          {rows.map((r) => (
            <RequestLine key={r.id} r={r} hospital={hospitals.get(r.hospitalId)} windows={windows} />
          ))}
        </List>
      )}
    </DeskCard>
  );
};

/** Every upcoming escalated request, soonest first, with why it escalated. */
export const EscalationsPanel = ({ windows }: { windows: StaffWindows }) => {
  const { data, isPending, error } = useRequests('escalated', {
    status: 'escalated',
    from: windows.now,
    sort: 'startsAt',
    order: 'ASC',
    perPage: 50,
  });
  const rows = data?.data ?? [];
  const hospitals = useHospitalNames(rows.map((r) => r.hospitalId));
  return (
    <DeskCard
      title="app.staff_desk.escalations.title"
      testId="escalations"
      count={data?.total}
      isPending={isPending}
      error={error}
    >
      {rows.length === 0 ? (
        <Empty message="app.staff_desk.escalations.none" />
      ) : (
        <List dense disablePadding>
          {rows.map((r) => (
            <RequestLine key={r.id} r={r} hospital={hospitals.get(r.hospitalId)} windows={windows} />
          ))}
        </List>
      )}
    </DeskCard>
  );
};

type DispatchRow = Pick<
  DispatchView,
  | 'id'
  | 'requestId'
  | 'volunteerId'
  | 'role'
  | 'hospitalId'
  | 'language'
  | 'startsAt'
  | 'endsAt'
  | 'interpreterName'
  | 'status'
  | 'reconfirmedAt'
>;

/** Tomorrow's confirmed visits whose interpreter has not reconfirmed: whom to phone, with the number. */
export const NotReconfirmedPanel = ({ windows }: { windows: StaffWindows }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['dispatches', 'staff-desk', 'not-reconfirmed', windows.tomorrow],
    queryFn: () =>
      apiClient.request<{ data: DispatchRow[] }>('/dispatches', {
        query: {
          status: 'confirmed',
          from: windows.tomorrow,
          to: windows.dayAfter,
          sort: 'startsAt',
          order: 'ASC',
          perPage: 100,
        },
      }),
    ...liveQuery,
  });
  const rows = notReconfirmedTomorrow(data?.data ?? [], windows);
  const hospitals = useHospitalNames(rows.map((d) => d.hospitalId));
  const volunteerIds = [...new Set(rows.map((d) => d.volunteerId))];
  const volunteers = useGetMany<{ id: string; phone: string | null }>(
    'volunteers',
    { ids: volunteerIds },
    { enabled: volunteerIds.length > 0 },
  );
  const phones = new Map((volunteers.data ?? []).map((v) => [v.id, v.phone]));
  return (
    <DeskCard
      title="app.staff_desk.reconfirm.title"
      testId="not-reconfirmed"
      count={rows.length}
      isPending={isPending}
      error={error}
    >
      {rows.length === 0 ? (
        <Empty message="app.staff_desk.reconfirm.none" />
      ) : (
        <List dense disablePadding>
          {rows.map((d) => {
            const phone = phones.get(d.volunteerId);
            return (
              <ListItem
                key={d.id}
                disablePadding
                divider
                data-testid="desk-dispatch"
                sx={{ flexDirection: 'column', alignItems: 'stretch', pb: 1 }}
              >
                <ListItemButton component={RouterLink} to={`/requests/${d.requestId}/show`}>
                  <ListItemText
                    primary={
                      <Stack component="span" direction="row" gap={1} alignItems="center" flexWrap="wrap">
                        <ReconfirmedChip dispatch={d} />
                        <VisitWhen startsAt={d.startsAt} endsAt={d.endsAt} windows={windows} />
                        <span>{translate(enumKey('language', d.language))}</span>
                      </Stack>
                    }
                    secondary={`${d.interpreterName} · ${hospitals.get(d.hospitalId) ?? '…'}`}
                  />
                </ListItemButton>
                <Box sx={{ px: 2 }}>
                  {phone ? (
                    <Link
                      href={`tel:${phone.replace(/[^\d+]/g, '')}`}
                      aria-label={translate('app.staff_desk.reconfirm.call', { name: d.interpreterName })}
                      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
                    >
                      <PhoneIcon fontSize="small" />
                      {phone}
                    </Link>
                  ) : volunteers.isPending ? null : (
                    <Typography variant="caption" color="text.secondary">
                      {translate('app.staff_desk.reconfirm.no_phone')}
                    </Typography>
                  )}
                </Box>
              </ListItem>
            );
          })}
        </List>
      )}
    </DeskCard>
  );
};

/** The review queue's head: how many reports wait, the first few (flagged first, as the API orders them). */
const REVIEW_QUEUE = `/reports?filter=${encodeURIComponent(JSON.stringify({ reviewStatus: 'pending' }))}`;
const REPORTS_SHOWN = 5;

export const ReportsToReviewPanel = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { data, isPending, error } = useQuery({
    queryKey: ['reports', 'staff-desk', 'pending'],
    queryFn: () =>
      apiClient.request<{ data: ReportRecord[]; total: number }>('/reports', {
        query: { reviewStatus: 'pending', perPage: REPORTS_SHOWN },
      }),
    ...liveQuery,
  });
  const rows = data?.data ?? [];
  const ids = [...new Set(rows.map((r) => r.volunteerId))];
  const volunteers = useGetMany<{ id: string; displayName: string }>(
    'volunteers',
    { ids },
    { enabled: ids.length > 0 },
  );
  const names = new Map((volunteers.data ?? []).map((v) => [v.id, v.displayName]));
  return (
    <DeskCard
      title="app.staff_desk.reports.title"
      testId="reports-to-review"
      count={data?.total}
      isPending={isPending}
      error={error}
    >
      {rows.length === 0 ? (
        <Empty message="app.staff_desk.reports.none" />
      ) : (
        <>
          <List dense disablePadding>
            {rows.map((r) => (
              <ListItemButton key={r.id} component={RouterLink} to={REVIEW_QUEUE} divider data-testid="desk-report">
                <ListItemText
                  primary={
                    <Stack component="span" direction="row" gap={1} alignItems="center" flexWrap="wrap">
                      {r.flagged && (
                        <Chip size="small" color="error" label={translate('app.staff_desk.reports.flagged')} />
                      )}
                      <span>{names.get(r.volunteerId) ?? '…'}</span>
                    </Stack>
                  }
                  secondary={translate('app.staff_desk.reports.visit_filed', {
                    visit: formatDate(r.actualStart, locale),
                    filed: formatDate(r.submittedAt, locale),
                  })}
                />
              </ListItemButton>
            ))}
          </List>
          <Button component={RouterLink} to={REVIEW_QUEUE} sx={{ mt: 1 }}>
            {translate('app.staff_desk.reports.open_queue', { count: data?.total ?? rows.length })}
          </Button>
        </>
      )}
    </DeskCard>
  );
};

interface LapsingList {
  data: LapsingVolunteer[];
  total: number;
}

const STANDING_SHOWN = 8;

const StandingList = ({
  testId,
  heading,
  empty,
  volunteers,
}: {
  testId: string;
  heading: string;
  empty: string;
  volunteers: LapsingVolunteer[];
}) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const label = (item: LapsingVolunteer['items'][number]) => {
    const name = translate(`app.dashboard.panels.lapse.${item.item}`);
    if (!item.date) return translate('app.staff_desk.standing.absent', { item: name });
    const date = formatDate(`${item.date}T12:00:00+09:00`, locale);
    return translate(item.lapsed ? 'app.staff_desk.standing.lapsed' : 'app.staff_desk.standing.until', {
      item: name,
      date,
    });
  };
  return (
    <Box data-testid={testId}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {translate(heading)}{' '}
        <Typography component="span" variant="body2" color="text.secondary">
          ({translate('app.staff_desk.count', { count: volunteers.length, smart_count: volunteers.length })})
        </Typography>
      </Typography>
      {volunteers.length === 0 ? (
        <Empty message={empty} />
      ) : (
        <List dense disablePadding>
          {volunteers.slice(0, STANDING_SHOWN).map((v) => (
            <ListItemButton key={v.volunteerId} component={RouterLink} to={`/volunteers/${v.volunteerId}/show`} divider>
              <ListItemText
                primary={v.displayName}
                secondary={
                  <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
                    {v.items.map((item) => (
                      <Chip
                        key={item.item}
                        component="span"
                        size="small"
                        variant="outlined"
                        color={item.lapsed ? 'error' : 'warning'}
                        label={label(item)}
                      />
                    ))}
                  </Box>
                }
              />
            </ListItemButton>
          ))}
          {volunteers.length > STANDING_SHOWN && (
            <ListItemButton component={RouterLink} to="/volunteers">
              <ListItemText
                secondary={translate('app.staff_desk.standing.more', { count: volunteers.length - STANDING_SHOWN })}
              />
            </ListItemButton>
          )}
        </List>
      )}
    </Box>
  );
};

/** Active volunteers' standing: what lapses within 30 days (dated) apart from what is missing altogether. */
export const StandingPanel = ({ sx }: { sx?: object }) => {
  const { data, isPending, error } = useQuery({
    queryKey: ['volunteers', 'lapsing', 30],
    queryFn: () => apiClient.request<LapsingList>('/volunteers/lapsing', { query: { withinDays: '30' } }),
  });
  const { lapses, missing } = splitStanding(data?.data ?? []);
  return (
    <DeskCard title="app.staff_desk.standing.title" testId="standing" isPending={isPending} error={error} sx={sx}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)' } }}>
        <StandingList
          testId="standing-lapses"
          heading="app.staff_desk.standing.lapses"
          empty="app.staff_desk.standing.none_lapses"
          volunteers={lapses}
        />
        <StandingList
          testId="standing-missing"
          heading="app.staff_desk.standing.missing"
          empty="app.staff_desk.standing.none_missing"
          volunteers={missing}
        />
      </Box>
    </DeskCard>
  );
};

/**
 * The staff dashboard as today's to-do list (#19): unfilled visits within 48 hours, escalations,
 * tomorrow's visits not reconfirmed, reports to review, and volunteers' standing. Each line opens
 * the page where it is done.
 */
export const StaffPanels = () => {
  const [windows] = useState(() => staffWindows(new Date()));
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, alignItems: 'start' }}
    >
      <UnfilledSoonPanel windows={windows} />
      <EscalationsPanel windows={windows} />
      <NotReconfirmedPanel windows={windows} />
      <ReportsToReviewPanel />
      <ReadyForPromotionPanel />
      <StandingPanel sx={{ gridColumn: { md: 'span 2' } }} />
    </Box>
  );
};
