import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Alert, Button, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { ApiError } from '../api/api-client';
import { PublicLinkCard } from '../layout/PublicLinkCard';
import { formatDateTime, formatTimeRange } from '@app/domain/model';
import { useDisplayLocale } from '../lib/use-display-locale';
import { apiClient } from '../providers';

/**
 * The page the reconfirmation e-mail links to (/admin/#/reconfirm-links/:token): no sign-in, the
 * token is the credential. Opening it changes nothing (mail scanners follow links); the button
 * POSTs /api/reconfirm-links/:token. Pressing again answers the first time it was reconfirmed.
 * An unknown token is 404; a dispatch no longer confirmed (cancelled, over) 409; a link mailed for
 * a time the visit has since moved from 410 (the page says the time changed). The answer names the
 * visit's time.
 */
type Reconfirmed = { reconfirmedAt: string; startsAt: string; endsAt: string };

export const ReconfirmLinkPage = () => {
  const { token = '' } = useParams();
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const reconfirm = useMutation<Reconfirmed, ApiError>({
    mutationFn: () =>
      apiClient.request<Reconfirmed>(`/reconfirm-links/${encodeURIComponent(token)}`, {
        method: 'POST',
        auth: false,
      }),
  });

  const refusal = (error: ApiError) => {
    if (error.status === 404) return translate('app.reconfirm_link.not_found');
    if (error.status === 410) return translate('app.reconfirm_link.moved');
    if (error.body.code === 'DISPATCH_NOT_CONFIRMED') return translate('app.reconfirm_link.closed');
    return error.message;
  };

  return (
    <PublicLinkCard title="app.reconfirm_link.title" signInTo="#/dispatches" signInLabel="app.reconfirm_link.sign_in">
      {reconfirm.isSuccess ? (
        <Alert severity="success" role="status">
          {translate('app.reconfirm_link.done')}
          <br />
          <span data-testid="reconfirmed-visit">
            {translate('app.reconfirm_link.visit', {
              when: formatTimeRange(reconfirm.data.startsAt, reconfirm.data.endsAt, locale),
            })}
          </span>
          <br />
          {translate('app.reconfirm_link.done_at', { time: formatDateTime(reconfirm.data.reconfirmedAt, locale) })}
        </Alert>
      ) : reconfirm.error ? (
        <Alert severity={reconfirm.error.status === 409 ? 'info' : 'error'} role="alert">
          {refusal(reconfirm.error)}
        </Alert>
      ) : (
        <>
          <Typography sx={{ mb: 1 }}>{translate('app.reconfirm_link.intro')}</Typography>
          <Typography sx={{ mb: 1 }}>{translate('app.reconfirm_link.question')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.reconfirm_link.cannot')}
          </Typography>
          <Button
            variant="contained"
            size="large"
            fullWidth
            startIcon={<EventAvailableIcon />}
            disabled={reconfirm.isPending}
            onClick={() => reconfirm.mutate()}
          >
            {translate('app.reconfirm_link.confirm')}
          </Button>
        </>
      )}
    </PublicLinkCard>
  );
};
