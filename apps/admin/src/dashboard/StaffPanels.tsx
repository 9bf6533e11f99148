import type { DispatchView, RequestView } from '@app/domain/model';
import { Alert, Box, Chip, List, ListItemButton, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useGetMany, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate, formatTime, formatTimeRange, tokyoParts } from '../lib/dates';
import { useDisplayLocale } from '../lib/use-display-locale';
import { liveQuery } from '../lib/live';
import { enumKey } from '../lib/workflow-choices';
import { apiClient } from '../providers';
import { ReconfirmedChip } from '../resources/dispatches/ReconfirmedChip';
import { StatusChip } from '../resources/requests/fields';
import { TitledCard } from '../layout/TitledCard';

/** Tokyo midnight `daysAhead` days after the Tokyo day of `now`, as an ISO instant. */
export function tokyoMidnight(now: Date, daysAhead: number): string {
  const p = tokyoParts(new Date(now.getTime() + daysAhead * 86_400_000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return new Date(`${p.year}-${pad(p.month)}-${pad(p.day)}T00:00:00+09:00`).toISOString();
}

const Pending = () => (
  <Stack gap={1}>
    <Skeleton height={32} />
    <Skeleton height={32} />
  </Stack>
);

const Empty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate(message)}</Typography>;
};

/** The parts of the API's dispatch view this panel shows. */
type DispatchRow = Pick<
  DispatchView,
  | 'id'
  | 'requestId'
  | 'hospitalId'
  | 'language'
  | 'startsAt'
  | 'endsAt'
  | 'interpreterName'
  | 'status'
  | 'reconfirmedAt'
>;

const names = (records: { id: string; displayName?: string; name?: string }[] | undefined) =>
  new Map((records ?? []).map((r) => [r.id, r.displayName ?? r.name ?? '']));

/** Confirmed visits of today and tomorrow (Tokyo), each with its interpreter, hospital and whether they reconfirmed. */
export const TodayTomorrowPanel = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const [range] = useState(() => ({
    from: tokyoMidnight(new Date(), 0),
    to: tokyoMidnight(new Date(), 2),
    tomorrow: tokyoMidnight(new Date(), 1),
  }));
  const { data, isPending, error } = useGetList<DispatchRow>(
    'dispatches',
    {
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'startsAt', order: 'ASC' },
      filter: { status: 'confirmed', from: range.from, to: range.to },
    },
    liveQuery,
  );
  const hospitals = names(
    useGetMany('hospitals', { ids: [...new Set((data ?? []).map((d) => d.hospitalId))] }, { enabled: !!data?.length })
      .data,
  );
  const day = (d: DispatchRow) => (d.startsAt < range.tomorrow ? 'today' : 'tomorrow');
  return (
    <TitledCard title="app.dashboard.panels.today_tomorrow" testId="today-tomorrow">
      {isPending ? (
        <Pending />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : !data?.length ? (
        <Empty message="app.dashboard.panels.no_dispatches" />
      ) : (
        <List dense disablePadding>
          {data.map((d) => (
            <ListItemButton key={d.id} component={RouterLink} to={`/requests/${d.requestId}/show`} divider>
              <ListItemText
                primary={
                  <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
                    <Chip
                      size="small"
                      color={day(d) === 'today' ? 'primary' : 'default'}
                      label={translate(`app.dashboard.panels.${day(d)}`)}
                    />
                    <span>
                      {formatTime(d.startsAt)}–{formatTime(d.endsAt)}
                    </span>
                    <span>{translate(enumKey('language', d.language))}</span>
                    <ReconfirmedChip dispatch={d} />
                  </Stack>
                }
                secondary={`${hospitals.get(d.hospitalId) ?? '…'} · ${d.interpreterName}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
      <Typography variant="caption" color="text.secondary">
        {formatDate(range.from, locale)}
      </Typography>
    </TitledCard>
  );
};

/** The parts of the API's request view this panel shows. */
type RequestRow = Pick<RequestView, 'id' | 'hospitalId' | 'language' | 'startsAt' | 'endsAt' | 'status' | 'urgent'>;

/** Requests still to fill, soonest visit first: escalated ones need staff now, open ones soon. */
export const NeedsStaffPanel = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const [now] = useState(() => new Date().toISOString());
  const escalated = useGetList<RequestRow>(
    'requests',
    {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'startsAt', order: 'ASC' },
      filter: { status: 'escalated', from: now },
    },
    liveQuery,
  );
  const open = useGetList<RequestRow>(
    'requests',
    {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'startsAt', order: 'ASC' },
      filter: { status: 'open', from: now },
    },
    liveQuery,
  );
  const rows = [...(escalated.data ?? []), ...(open.data ?? [])].sort(
    (a, b) => Number(b.urgent) - Number(a.urgent) || a.startsAt.localeCompare(b.startsAt),
  );
  const hospitals = names(
    useGetMany('hospitals', { ids: [...new Set(rows.map((r) => r.hospitalId))] }, { enabled: rows.length > 0 }).data,
  );
  const error = escalated.error ?? open.error;
  return (
    <TitledCard title="app.dashboard.panels.needs_staff" testId="needs-staff">
      {escalated.isPending || open.isPending ? (
        <Pending />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : rows.length === 0 ? (
        <Empty message="app.dashboard.panels.nothing_to_fill" />
      ) : (
        <List dense disablePadding>
          {rows.map((r) => (
            <ListItemButton key={r.id} component={RouterLink} to={`/requests/${r.id}/show`} divider>
              <ListItemText
                primary={
                  <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
                    <StatusChip status={r.status} />
                    {r.urgent && <Chip size="small" color="warning" label={translate('app.requests.urgent')} />}
                    <span>{translate(enumKey('language', r.language))}</span>
                  </Stack>
                }
                secondary={`${formatTimeRange(r.startsAt, r.endsAt, locale)} · ${hospitals.get(r.hospitalId) ?? '…'}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </TitledCard>
  );
};

interface LapsingList {
  data: {
    volunteerId: string;
    displayName: string;
    items: { item: 'pledge' | 'insurance' | 'training'; date: string | null; lapsed: boolean }[];
  }[];
  total: number;
}

/** Volunteers whose pledge, insurance or training lapses within 30 days (or already has). */
export const LapsingPanel = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['volunteers', 'lapsing', 30],
    queryFn: () => apiClient.request<LapsingList>('/volunteers/lapsing', { query: { withinDays: '30' } }),
  });
  return (
    <TitledCard title="app.dashboard.panels.lapsing" testId="lapsing">
      {isPending ? (
        <Pending />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : !data?.data.length ? (
        <Empty message="app.dashboard.panels.none_lapsing" />
      ) : (
        <List dense disablePadding>
          {data.data.slice(0, 10).map((v) => (
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
                        label={`${translate(`app.dashboard.panels.lapse.${item.item}`)} ${item.date ?? translate('app.dashboard.panels.missing')}`}
                      />
                    ))}
                  </Box>
                }
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </TitledCard>
  );
};
