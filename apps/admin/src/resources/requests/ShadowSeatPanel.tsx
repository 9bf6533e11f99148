import { type DispatchView, isLiveDispatch, type OfferHistoryEntry } from '@app/domain/model';
import { Alert, Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import { enumKey } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';

interface ShadowCandidates {
  eligible: { volunteerId: string; displayName: string }[];
  excluded: { volunteerId: string; displayName: string; reasons: string[] }[];
}

/**
 * Staff's shadow seat of a confirmed request whose hospital agreed (研修生の同席可): who holds it,
 * who was asked, and offering it to a chosen trainee or to a wave of the best eligible trainees.
 */
export const ShadowSeatPanel = ({ request }: { request: RequestRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [chosen, setChosen] = useState('');
  const enabled = request.traineeWelcome && request.status === 'confirmed';
  const seat = useQuery({
    enabled,
    queryKey: ['requests', request.id, 'shadow-seat'],
    queryFn: async () => {
      const [dispatches, offers, candidates] = await Promise.all([
        apiClient.request<{ data: DispatchView[] }>('/dispatches', { query: { requestId: request.id, perPage: 20 } }),
        apiClient.request<OfferHistoryEntry[]>(`/requests/${request.id}/offers`),
        apiClient.request<ShadowCandidates>(`/requests/${request.id}/candidates`, { query: { role: 'shadow' } }),
      ]);
      return {
        shadow: dispatches.data.find((d) => d.role === 'shadow' && isLiveDispatch(d.status)) ?? null,
        pending: offers.filter((o) => o.role === 'shadow' && o.status === 'pending'),
        candidates,
      };
    },
  });
  const offer = useApiAction<{ id: string; volunteerId?: string }, { sent: number }>(
    (body) => `/requests/${body.id}/shadow`,
    {
      onSuccess: (result) => {
        notify(result.sent ? 'app.shadowing.sent' : 'app.shadowing.none_eligible', {
          type: result.sent ? 'success' : 'warning',
          messageArgs: { smart_count: result.sent },
        });
        setChosen('');
        void seat.refetch();
      },
    },
  );
  if (!enabled || !seat.data) return null;
  const { shadow, pending, candidates } = seat.data;
  const asked = new Set(pending.map((o) => o.volunteerId));
  const choices = candidates.eligible.filter((c) => !asked.has(c.volunteerId));
  return (
    <Card component="section" aria-label={translate('app.shadowing.seat_title')} data-testid="shadow-seat">
      <CardContent sx={{ display: 'grid', gap: 1.5 }}>
        <Typography variant="h6" component="h2">
          {translate('app.shadowing.seat_title')}
        </Typography>
        <Typography data-testid="shadow-state">
          {shadow
            ? translate('app.shadowing.seat_held', { name: shadow.interpreterName })
            : translate('app.shadowing.seat_empty')}
        </Typography>
        {!shadow && pending.length > 0 && (
          <Alert severity="info" data-testid="shadow-pending">
            {translate('app.shadowing.pending', { names: pending.map((o) => o.displayName).join('、') })}
          </Alert>
        )}
        {!shadow && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
            <TextField
              select
              size="small"
              sx={{ minWidth: 220 }}
              label={translate('app.shadowing.choose')}
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
              inputProps={{ 'data-testid': 'shadow-choose' }}
            >
              {choices.map((c) => (
                <MenuItem key={c.volunteerId} value={c.volunteerId}>
                  {c.displayName}
                </MenuItem>
              ))}
            </TextField>
            <Button
              variant="outlined"
              disabled={!chosen || offer.isPending}
              onClick={() => offer.mutate({ id: request.id, volunteerId: chosen })}
            >
              {translate('app.shadowing.offer_chosen')}
            </Button>
            <Button
              variant="contained"
              disabled={choices.length === 0 || offer.isPending}
              onClick={() => offer.mutate({ id: request.id })}
            >
              {translate('app.shadowing.offer_wave')}
            </Button>
          </Box>
        )}
        {!shadow &&
          candidates.excluded
            // Qualified interpreters (LEVEL) never shadow: only trainees kept out by another rule are worth a line.
            .filter((c) => c.reasons.length > 0 && !c.reasons.includes('LEVEL'))
            .slice(0, 5)
            .map((c) => (
              <Typography key={c.volunteerId} variant="body2" color="text.secondary">
                {translate('app.shadowing.excluded', {
                  name: c.displayName,
                  reasons: c.reasons.map((r) => translate(enumKey('exclusion', r), { _: r })).join('・'),
                })}
              </Typography>
            ))}
      </CardContent>
    </Card>
  );
};

/** The hospital's consent on the request, and (while the visit is ahead) withdrawing it, which cancels the shadow. */
export const TraineeWelcomeRow = ({ request, canChange }: { request: RequestRecord; canChange: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const withdraw = useMutation({
    mutationFn: () =>
      apiClient.request(`/requests/${request.id}`, { method: 'PATCH', body: { traineeWelcome: false } }),
    onSuccess: () => {
      notify('app.shadowing.consent_withdrawn', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <span data-testid="trainee-welcome">
        {translate(request.traineeWelcome ? 'app.shadowing.welcome_yes' : 'app.shadowing.welcome_no')}
      </span>
      {canChange && request.traineeWelcome && request.status === 'confirmed' && (
        <Button size="small" color="warning" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
          {translate('app.shadowing.withdraw_consent')}
        </Button>
      )}
    </Box>
  );
};
