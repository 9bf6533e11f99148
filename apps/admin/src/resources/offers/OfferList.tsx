import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DispatchView } from '@app/domain/model';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '@app/domain/model';
import { useApiAction } from '../../lib/use-api-action';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { apiClient } from '../../providers';
import { liveQuery } from '../../lib/live';
import { soonestFirst } from '../../my/owed';
import { ShadowOfferLine, VisitSummary, type OfferRecord } from './VisitSummary';

const DeclineDialog = ({ offer, onClose }: { offer: OfferRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const decline = useApiAction<{ id: string; reason?: string }>((body) => `/offers/${body.id}/decline`, {
    onSuccess: () => {
      notify('app.offers.declined', { type: 'info' });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('app.offers.decline_title')}</DialogTitle>
      <DialogContent>
        <TextField
          fullWidth
          multiline
          margin="dense"
          label={translate('app.offers.decline_reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          color="error"
          variant="contained"
          disabled={decline.isPending}
          onClick={() => decline.mutate({ id: offer.id, ...(reason.trim() ? { reason: reason.trim() } : {}) })}
        >
          {translate('app.offers.decline')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const OfferCard = ({ offer }: { offer: OfferRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useDisplayLocale();
  const navigate = useNavigate();
  const [declining, setDeclining] = useState(false);
  // Accepted: straight to the visit's page, where everything for the day is.
  const accept = useApiAction<{ id: string }, { dispatch: DispatchView }>((body) => `/offers/${body.id}/accept`, {
    onSuccess: ({ dispatch }) => {
      notify('app.offers.accepted', { type: 'success' });
      void navigate(`/dispatches/${dispatch.id}/show`);
    },
  });
  return (
    <Card component="article" aria-label={offer.visit.hospitalName} data-testid="offer">
      <CardContent>
        <VisitSummary visit={offer.visit} />
        <ShadowOfferLine offer={offer} />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.offers.expires')}: {formatDateTime(offer.expiresAt, locale)}
        </Typography>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, gap: 1 }}>
        <Button
          variant="contained"
          size="large"
          startIcon={<CheckIcon />}
          disabled={accept.isPending}
          onClick={() => accept.mutate({ id: offer.id })}
          sx={{ flex: 1 }}
        >
          {translate('app.offers.accept')}
        </Button>
        <Button
          variant="outlined"
          size="large"
          color="inherit"
          startIcon={<CloseIcon />}
          onClick={() => setDeclining(true)}
          sx={{ flex: 1 }}
        >
          {translate('app.offers.decline')}
        </Button>
      </CardActions>
      {declining && <DeclineDialog offer={offer} onClose={() => setDeclining(false)} />}
    </Card>
  );
};

/** A volunteer's offers awaiting an answer, soonest visit first, one card each, big buttons for a phone. */
export const OfferList = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['offers', 'pending'],
    queryFn: () => apiClient.request<{ data: OfferRecord[] }>('/offers', { query: { status: 'pending' } }),
    ...liveQuery,
  });
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, maxWidth: 640 }}>
      <Title title={translate('resources.offers.name', { smart_count: 2 })} />
      <Typography variant="h5" component="h1">
        {translate('resources.offers.name', { smart_count: 2 })}
      </Typography>
      {isPending ? <Loading /> : error ? <Typography color="error">{error.message}</Typography> : null}
      {data?.data.length === 0 && <Typography color="text.secondary">{translate('app.offers.empty')}</Typography>}
      {soonestFirst(data?.data ?? []).map((offer) => (
        <OfferCard key={offer.id} offer={offer} />
      ))}
    </Box>
  );
};
