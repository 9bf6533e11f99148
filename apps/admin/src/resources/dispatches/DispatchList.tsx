import { type DispatchView, isLiveDispatch } from '@app/domain/model';
import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { liveQuery } from '../../lib/live';
import { apiClient } from '../../providers';
import { usePastDispatches } from '../reports/use-past-dispatches';
import { PastDispatchCard, UpcomingDispatchCard } from './DispatchCards';

/** The volunteer's confirmed visits from `from` on, soonest first (GET /api/dispatches, scoped to them). */
export function useUpcomingDispatches(from: string) {
  return useQuery({
    queryKey: ['dispatches', 'upcoming', from],
    queryFn: () =>
      apiClient.request<{ data: DispatchView[]; total: number }>('/dispatches', {
        query: { status: 'confirmed', from, order: 'ASC', page: 1, perPage: 50 },
      }),
    ...liveQuery,
  });
}

/** A volunteer's schedule (派遣予定): upcoming visits with everything for the day, then past ones and their reports. */
export const DispatchList = () => {
  const translate = useTranslate();
  const [now] = useState(() => new Date());
  const dispatches = useUpcomingDispatches(now.toISOString());
  const past = usePastDispatches();
  const pastDispatches = past.data?.data.filter((dispatch) => isLiveDispatch(dispatch.status));
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
        <UpcomingDispatchCard key={dispatch.id} dispatch={dispatch} now={now} />
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
        <PastDispatchCard key={dispatch.id} dispatch={dispatch} />
      ))}
    </Box>
  );
};
