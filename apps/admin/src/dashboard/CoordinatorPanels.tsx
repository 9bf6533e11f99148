import { type DispatchView, isLiveDispatch, isOpen, type RequestView } from '@app/domain/model';
import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItemButton,
  ListItemText,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { TitledCard } from '../layout/TitledCard';
import { formatDate, formatTime, formatTimeRange } from '@app/domain/model';
import { liveQuery } from '../lib/live';
import { tokyoDateOf, tokyoDayStart } from '../lib/tokyo-input';
import { useDisplayLocale } from '../lib/use-display-locale';
import { enumKey } from '../lib/workflow-choices';
import { apiClient } from '../providers';
import { DeskStatusChip } from '../resources/requests/fields';
import { deskStatus, showsUrgent } from '../resources/requests/request-state';

type Dispatch = Pick<
  DispatchView,
  'id' | 'requestId' | 'role' | 'status' | 'startsAt' | 'endsAt' | 'language' | 'interpreterName' | 'hospitalConfirmed'
>;
type Request = Pick<
  RequestView,
  'id' | 'reference' | 'status' | 'language' | 'startsAt' | 'endsAt' | 'urgent' | 'onHold'
>;

const DAY = 86_400_000;

/** The Tokyo day boundaries the coordinator's panels read, fixed when the page opens. */
export function coordinatorWindows(now: Date) {
  const today = tokyoDayStart(tokyoDateOf(now));
  const at = (days: number) => new Date(new Date(today).getTime() + days * DAY).toISOString();
  return { now: now.toISOString(), today: at(0), tomorrow: at(1), dayAfter: at(2), weekEnd: at(7), since: at(-60) };
}

/** Finished visits of the hospital's that nobody has confirmed yet: the interpreter's primary dispatch, over, unconfirmed. */
export function toConfirm<D extends Pick<Dispatch, 'role' | 'status' | 'endsAt' | 'hospitalConfirmed'>>(
  dispatches: D[],
  now: Date,
): D[] {
  return dispatches.filter(
    (d) =>
      d.role === 'primary' &&
      isLiveDispatch(d.status) &&
      !d.hospitalConfirmed &&
      new Date(d.endsAt).getTime() <= now.getTime(),
  );
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

const useDispatches = (key: string, query: Record<string, string | number>) =>
  useQuery({
    queryKey: ['dispatches', 'coordinator', key, query],
    queryFn: () => apiClient.request<{ data: Dispatch[] }>('/dispatches', { query: { perPage: 100, ...query } }),
    ...liveQuery,
  });

/** Visits that are over and wait for the hospital to confirm the times and rate the interpreter. */
const ToConfirmPanel = ({ windows }: { windows: ReturnType<typeof coordinatorWindows> }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { data, isPending, error } = useDispatches('to-confirm', {
    from: windows.since,
    to: windows.now,
    sort: 'startsAt',
    order: 'DESC',
  });
  const rows = toConfirm(data?.data ?? [], new Date(windows.now));
  return (
    <TitledCard title="app.desk.dashboard.to_confirm" testId="to-confirm">
      {isPending ? (
        <Pending />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : rows.length === 0 ? (
        <Empty message="app.desk.dashboard.none_to_confirm" />
      ) : (
        <List dense disablePadding>
          {rows.map((d) => (
            <ListItemButton key={d.id} component={RouterLink} to={`/requests/${d.requestId}/show`} divider>
              <ListItemText
                primary={
                  <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
                    <Chip size="small" color="secondary" label={translate('app.desk.status.awaiting_confirmation')} />
                    <span>{formatTimeRange(d.startsAt, d.endsAt, locale)}</span>
                  </Stack>
                }
                secondary={`${translate(enumKey('language', d.language))} · ${d.interpreterName} · ${translate('app.desk.dashboard.confirm_and_rate')}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </TitledCard>
  );
};

/** Confirmed visits from today to a week ahead, each with who is coming. */
const ComingPanel = ({ windows }: { windows: ReturnType<typeof coordinatorWindows> }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { data, isPending, error } = useDispatches('coming', {
    status: 'confirmed',
    from: windows.today,
    to: windows.weekEnd,
    sort: 'startsAt',
    order: 'ASC',
  });
  const rows = (data?.data ?? []).filter(
    (d) => d.role === 'primary' && new Date(d.endsAt).getTime() > new Date(windows.now).getTime(),
  );
  const day = (d: Dispatch) =>
    d.startsAt < windows.tomorrow ? 'today' : d.startsAt < windows.dayAfter ? 'tomorrow' : 'week';
  return (
    <TitledCard title="app.desk.dashboard.coming" testId="coming-visits">
      {isPending ? (
        <Pending />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : rows.length === 0 ? (
        <Empty message="app.desk.dashboard.none_coming" />
      ) : (
        <List dense disablePadding>
          {rows.map((d) => (
            <ListItemButton key={d.id} component={RouterLink} to={`/requests/${d.requestId}/show`} divider>
              <ListItemText
                primary={
                  <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
                    <Chip
                      size="small"
                      color={day(d) === 'week' ? 'default' : 'primary'}
                      variant={day(d) === 'today' ? 'filled' : 'outlined'}
                      label={
                        day(d) === 'week' ? formatDate(d.startsAt, locale) : translate(`app.dashboard.panels.${day(d)}`)
                      }
                    />
                    <span>
                      {formatTime(d.startsAt)}–{formatTime(d.endsAt)}
                    </span>
                    <span>{translate(enumKey('language', d.language))}</span>
                  </Stack>
                }
                secondary={translate('app.desk.dashboard.interpreter', { name: d.interpreterName })}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </TitledCard>
  );
};

/** Upcoming requests nobody has taken yet: open, out for offer, or with the programme office. */
const LookingPanel = ({ windows }: { windows: ReturnType<typeof coordinatorWindows> }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { data, isPending, error } = useQuery({
    queryKey: ['requests', 'coordinator', 'looking', windows.now],
    queryFn: () =>
      apiClient.request<{ data: Request[] }>('/requests', {
        query: { from: windows.now, sort: 'startsAt', order: 'ASC', perPage: 100 },
      }),
    ...liveQuery,
  });
  const rows = (data?.data ?? []).filter((r) => isOpen(r.status));
  const now = new Date(windows.now);
  return (
    <TitledCard title="app.desk.dashboard.looking" testId="looking">
      {isPending ? (
        <Pending />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : rows.length === 0 ? (
        <Empty message="app.desk.dashboard.none_looking" />
      ) : (
        <List dense disablePadding>
          {rows.map((r) => (
            <ListItemButton key={r.id} component={RouterLink} to={`/requests/${r.id}/show`} divider>
              <ListItemText
                primary={
                  <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
                    <DeskStatusChip status={deskStatus(r, null, now, 'hospital')} />
                    {showsUrgent(r, now) && (
                      <Chip size="small" color="warning" label={translate('app.requests.urgent')} />
                    )}
                    {r.onHold && <Chip size="small" variant="outlined" label={translate('app.requests.on_hold')} />}
                    <span>{translate(enumKey('language', r.language))}</span>
                  </Stack>
                }
                secondary={`${formatTimeRange(r.startsAt, r.endsAt, locale)} · ${r.reference}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
      {rows.some((r) => r.status === 'escalated') && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.desk.dashboard.escalated_hint')}
        </Typography>
      )}
    </TitledCard>
  );
};

/**
 * The hospital coordinator's to-do list: finished visits to confirm and rate, who is coming this
 * week, and requests still looking for an interpreter; each item opens the request where it is
 * done. Filing a new request is one button.
 */
export const CoordinatorPanels = () => {
  const translate = useTranslate();
  const [windows] = useState(() => coordinatorWindows(new Date()));
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Stack direction="row" gap={1} flexWrap="wrap">
        <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/requests/create">
          {translate('app.requests.new')}
        </Button>
        <Button variant="outlined" component={RouterLink} to="/requests">
          {translate('app.desk.dashboard.all_requests')}
        </Button>
        <Button variant="outlined" component={RouterLink} to="/statements">
          {translate('app.desk.statements.menu')}
        </Button>
      </Stack>
      <Box
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, alignItems: 'start' }}
      >
        <ToConfirmPanel windows={windows} />
        <ComingPanel windows={windows} />
        <LookingPanel windows={windows} />
      </Box>
    </Box>
  );
};
