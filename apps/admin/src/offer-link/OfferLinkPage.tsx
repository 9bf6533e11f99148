import type { DispatchView } from '@app/domain/model';
import CheckIcon from '@mui/icons-material/Check';
import EventNoteIcon from '@mui/icons-material/EventNote';
import CloseIcon from '@mui/icons-material/Close';
import { Alert, Box, Button, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { ApiError } from '../api/api-client';
import { PublicLinkCard } from '../layout/PublicLinkCard';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../lib/use-display-locale';
import { enumKey } from '../lib/workflow-choices';
import { apiClient } from '../providers';
import { VisitDetailsSection } from '../resources/dispatches/VisitDetailsSection';
import { ShadowOfferLine, VisitSummary, type OfferRecord } from '../resources/offers/VisitSummary';

type ShownOffer = OfferRecord & { answerable: boolean };

/** The way from the public page to the visit's own page in the panel (sign-in first if needed). */
const DetailsLink = ({ href }: { href: string }) => {
  const translate = useTranslate();
  return (
    <Button variant="contained" size="large" fullWidth startIcon={<EventNoteIcon />} href={href} sx={{ mt: 2 }}>
      {translate('app.offer_link_mine.details')}
    </Button>
  );
};

/** The offer was accepted (now, or on an earlier visit of this page): the visit is theirs. */
const Mine = ({ offer, dispatch }: { offer: OfferRecord; dispatch?: DispatchView }) => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="success" role="status" sx={{ mb: 2 }}>
        {translate(dispatch ? 'app.offer_link.accepted' : 'app.offer_link_mine.accepted')}
      </Alert>
      <VisitSummary visit={offer.visit} />
      <ShadowOfferLine offer={offer} />
      {dispatch?.visit && (
        <Box sx={{ mt: 2 }}>
          <VisitDetailsSection visit={dispatch.visit} />
        </Box>
      )}
      <DetailsLink
        href={dispatch ? `#/dispatches/${dispatch.id}/show` : `#/dispatches/of-request/${offer.requestId}`}
      />
      {!dispatch?.visit && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.offer_link_mine.details_hint')}
        </Typography>
      )}
    </>
  );
};

/**
 * The page an offer e-mail links to (/admin/#/offer-links/:token): no sign-in, the token is the
 * credential. Opening it only shows (GET); Accept and Decline are POSTs. A refusal (409
 * REQUEST_ALREADY_FILLED, OFFER_EXPIRED, OFFER_WITHDRAWN…) is said in the reader's language.
 */
export const OfferLinkPage = () => {
  const { token = '' } = useParams();
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const path = `/offer-links/${encodeURIComponent(token)}`;
  const offer = useQuery({
    queryKey: ['offer-link', token],
    queryFn: () => apiClient.request<ShownOffer>(path, { auth: false }),
    retry: false,
  });
  const answer = useMutation<{ dispatch?: DispatchView } | undefined, ApiError, 'accept' | 'decline'>({
    mutationFn: (what) =>
      apiClient.request<{ dispatch?: DispatchView }>(`${path}/${what}`, {
        method: 'POST',
        auth: false,
        ...(what === 'decline' ? { body: {} } : {}),
      }),
  });

  const body = () => {
    if (offer.isPending) return <Typography>{translate('ra.page.loading')}</Typography>;
    if (offer.error)
      return (
        <Alert severity="error">
          {(offer.error as ApiError).status === 404 ? translate('app.offer_link.not_found') : offer.error.message}
        </Alert>
      );
    const shown = offer.data;
    if (answer.isSuccess && answer.variables === 'accept')
      return <Mine offer={shown} dispatch={answer.data?.dispatch} />;
    if (shown.status === 'accepted' && !answer.isSuccess) return <Mine offer={shown} />;
    if (answer.isSuccess)
      return (
        <Alert severity="success" role="status">
          {translate(answer.variables === 'accept' ? 'app.offer_link.accepted' : 'app.offer_link.declined')}
        </Alert>
      );
    return (
      <>
        <Typography sx={{ mb: 1 }}>{translate('app.offer_link.intro')}</Typography>
        <VisitSummary visit={shown.visit} />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.offers.expires')}: {formatDateTime(shown.expiresAt, locale)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.offer_link.patient_note')}
        </Typography>
        {answer.error && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {answer.error.message}
          </Alert>
        )}
        {!shown.answerable && !answer.error && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('app.offer_link.closed', { status: translate(enumKey('offer_status', shown.status)) })}
          </Alert>
        )}
        {shown.answerable && !answer.error && (
          <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
            <Button
              variant="contained"
              size="large"
              startIcon={<CheckIcon />}
              sx={{ flex: 1 }}
              disabled={answer.isPending}
              onClick={() => answer.mutate('accept')}
            >
              {translate('app.offer_link.accept')}
            </Button>
            <Button
              variant="outlined"
              size="large"
              color="inherit"
              startIcon={<CloseIcon />}
              sx={{ flex: 1 }}
              disabled={answer.isPending}
              onClick={() => answer.mutate('decline')}
            >
              {translate('app.offer_link.decline')}
            </Button>
          </Box>
        )}
      </>
    );
  };

  return (
    <PublicLinkCard title="app.offer_link.title" signInTo="#/offers" signInLabel="app.offer_link.sign_in">
      {body()}
    </PublicLinkCard>
  );
};
