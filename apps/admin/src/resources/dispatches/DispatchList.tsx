import EditNoteIcon from '@mui/icons-material/EditNote';
import EventIcon from '@mui/icons-material/Event';
import PersonIcon from '@mui/icons-material/Person';
import { Box, Button, Card, CardActions, CardContent, Chip, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { isLiveDispatch } from '@app/domain/model';
import { formatTimeRange } from '../../lib/dates';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import type { OfferRecord } from '../offers/VisitSummary';
import { VisitSummary } from '../offers/VisitSummary';
import { type DispatchRecord, visitHappened } from '../reports/types';
import { usePastDispatches } from '../reports/use-past-dispatches';

/** The .ics needs the bearer token, so it is fetched and handed to the browser as a file. */
async function downloadCalendar(id: string): Promise<void> {
  const text = await apiClient.request<string>(`/dispatches/${id}/calendar.ics`);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'dispatch.ics';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Patient details only as the API returns them (GET /api/dispatches/:id, read on request). */
const PatientDetails = ({ dispatchId }: { dispatchId: string }) => {
  const translate = useTranslate();
  const [shown, setShown] = useState(false);
  const { data } = useQuery({
    queryKey: ['dispatches', dispatchId, 'one'],
    queryFn: () => apiClient.request<DispatchRecord>(`/dispatches/${dispatchId}`),
    enabled: shown,
  });
  if (!shown)
    return (
      <Button size="small" startIcon={<PersonIcon />} onClick={() => setShown(true)}>
        {translate('app.dispatches.show_patient')}
      </Button>
    );
  if (!data) return <Loading />;
  if (!data.patient)
    return <Typography color="text.secondary">{translate('app.dispatches.patient_hidden')}</Typography>;
  const p = data.patient;
  return (
    <Typography data-testid="dispatch-patient">
      {translate('app.dispatches.patient')}: {p.displayName}（{translate(enumKey('patient_gender', p.gender))} ·{' '}
      {translate(enumKey('age_band', p.ageBand))}）
    </Typography>
  );
};

const DispatchCard = ({ dispatch, offer }: { dispatch: DispatchRecord; offer?: OfferRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useDisplayLocale();
  const calendar = useMutation({
    mutationFn: () => downloadCalendar(dispatch.id),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Card component="article" data-testid="dispatch">
      <CardContent>
        <Box sx={{ display: 'flex', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Chip size="small" color="success" label={translate(enumKey('dispatch_status', dispatch.status))} />
          <Chip size="small" variant="outlined" label={translate(`app.dispatches.role.${dispatch.role}`)} />
        </Box>
        {offer ? (
          <VisitSummary visit={offer.visit} />
        ) : (
          <Typography variant="h6" component="p" sx={{ fontSize: '1.05rem' }}>
            {formatTimeRange(dispatch.startsAt, dispatch.endsAt, locale)} ·{' '}
            {translate(enumKey('language', dispatch.language))}
          </Typography>
        )}
        <Box sx={{ mt: 1 }}>
          <PatientDetails dispatchId={dispatch.id} />
        </Box>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button
          variant="outlined"
          startIcon={<EventIcon />}
          onClick={() => calendar.mutate()}
          disabled={calendar.isPending}
        >
          {translate('app.dispatches.calendar')}
        </Button>
      </CardActions>
    </Card>
  );
};

/** A visit that has started: its report is filed (or changed until reviewed) from here. */
const PastDispatchCard = ({ dispatch, offer }: { dispatch: DispatchRecord; offer?: OfferRecord }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <Card component="article" data-testid="past-dispatch" variant="outlined">
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Chip size="small" label={translate(enumKey('dispatch_status', dispatch.status))} />
          <Chip size="small" variant="outlined" label={translate(`app.dispatches.role.${dispatch.role}`)} />
        </Box>
        <Typography sx={{ fontWeight: 500 }}>
          {formatTimeRange(dispatch.startsAt, dispatch.endsAt, locale)} ·{' '}
          {translate(enumKey('language', dispatch.language))}
        </Typography>
        {offer && (
          <Typography variant="body2" color="text.secondary">
            {offer.visit.hospitalName}
            {offer.visit.area ? `（${offer.visit.area}）` : ''}
          </Typography>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        {visitHappened(dispatch) ? (
          <Button
            variant="contained"
            startIcon={<EditNoteIcon />}
            component={RouterLink}
            to={`/dispatches/${dispatch.id}/report`}
          >
            {translate('app.reports.open')}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.reports.not_yet')}
          </Typography>
        )}
      </CardActions>
    </Card>
  );
};

/** A volunteer's upcoming confirmed dispatches, soonest first. */
export const DispatchList = () => {
  const translate = useTranslate();
  const [now] = useState(() => new Date().toISOString());
  const dispatches = useQuery({
    queryKey: ['dispatches', 'upcoming', now],
    queryFn: () =>
      apiClient.request<{ data: DispatchRecord[] }>('/dispatches', {
        query: { status: 'confirmed', from: now, order: 'ASC', page: 1, perPage: 50 },
      }),
  });
  // Accepted offers carry the hospital's name and place, which a dispatch does not.
  const offers = useQuery({
    queryKey: ['offers', 'accepted'],
    queryFn: () => apiClient.request<{ data: OfferRecord[] }>('/offers', { query: { status: 'accepted' } }),
  });
  const past = usePastDispatches();
  const pastDispatches = past.data?.data.filter((dispatch) => isLiveDispatch(dispatch.status));
  const offerFor = (requestId: string) => offers.data?.data.find((offer) => offer.requestId === requestId);
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, maxWidth: 640 }}>
      <Title title={translate('resources.dispatches.name', { smart_count: 2 })} />
      <Typography variant="h5" component="h1">
        {translate('resources.dispatches.name', { smart_count: 2 })}
      </Typography>
      {dispatches.isPending && <Loading />}
      {dispatches.error && <Typography color="error">{dispatches.error.message}</Typography>}
      {dispatches.data?.data.length === 0 && (
        <Typography color="text.secondary">{translate('app.dispatches.empty')}</Typography>
      )}
      {dispatches.data?.data.map((dispatch) => (
        <DispatchCard key={dispatch.id} dispatch={dispatch} offer={offerFor(dispatch.requestId)} />
      ))}
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate('app.reports.past_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.reports.past_hint')}
      </Typography>
      {past.isPending && <Loading />}
      {past.error && <Typography color="error">{past.error.message}</Typography>}
      {pastDispatches?.length === 0 && (
        <Typography color="text.secondary">{translate('app.reports.past_empty')}</Typography>
      )}
      {pastDispatches?.map((dispatch) => (
        <PastDispatchCard key={dispatch.id} dispatch={dispatch} offer={offerFor(dispatch.requestId)} />
      ))}
    </Box>
  );
};
