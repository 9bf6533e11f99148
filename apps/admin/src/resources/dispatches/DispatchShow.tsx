import type { DispatchView } from '@app/domain/model';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link as RouterLink, Navigate, useNavigate, useParams } from 'react-router-dom';
import type { ApiError } from '../../api/api-client';
import { liveQuery } from '../../lib/live';
import { apiClient } from '../../providers';
import { PastDispatchCard, UpcomingDispatchCard } from './DispatchCards';

const Frame = ({ children }: { children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, maxWidth: 640 }}>
      <Title title="app.visit.title" />
      <Box>
        <Button component={RouterLink} to="/dispatches" startIcon={<ArrowBackIcon />}>
          {translate('app.visit.back')}
        </Button>
      </Box>
      <Typography variant="h5" component="h1">
        {translate('app.visit.title')}
      </Typography>
      {children}
    </Box>
  );
};

/** One of the volunteer's dispatches (/dispatches/:id/show): the dashboard's and the offer page's links land here. */
export const DispatchShow = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const navigate = useNavigate();
  const [now, setNow] = useState(() => new Date());
  const dispatch = useQuery({
    queryKey: ['dispatches', id, 'show'],
    queryFn: () => apiClient.request<DispatchView>(`/dispatches/${encodeURIComponent(id)}`),
    retry: false,
    ...liveQuery,
  });
  useEffect(() => setNow(new Date()), [dispatch.dataUpdatedAt]);
  if (dispatch.isPending) return <Loading />;
  if (dispatch.error)
    return (
      <Frame>
        <Alert severity="error">
          {(dispatch.error as ApiError).status === 404 ? translate('app.visit.not_found') : dispatch.error.message}
        </Alert>
      </Frame>
    );
  const d = dispatch.data;
  const upcoming = d.status === 'confirmed' && Date.parse(d.startsAt) > now.getTime();
  return (
    <Frame>
      {upcoming ? (
        <UpcomingDispatchCard dispatch={d} now={now} onCancelled={() => void navigate('/dispatches')} />
      ) : (
        <PastDispatchCard dispatch={d} />
      )}
    </Frame>
  );
};

/**
 * /dispatches/of-request/:requestId — the offer page knows the request, not the dispatch: the
 * volunteer's own dispatch of it (the API scopes the list to them), or their schedule.
 */
export const DispatchOfRequest = () => {
  const { requestId = '' } = useParams();
  const found = useQuery({
    queryKey: ['dispatches', 'of-request', requestId],
    queryFn: () =>
      apiClient.request<{ data: DispatchView[] }>('/dispatches', { query: { requestId, page: 1, perPage: 10 } }),
    retry: false,
  });
  if (found.isPending) return <Loading />;
  const mine = found.data?.data.find((d) => d.status === 'confirmed') ?? found.data?.data[0];
  return <Navigate replace to={mine ? `/dispatches/${mine.id}/show` : '/dispatches'} />;
};
