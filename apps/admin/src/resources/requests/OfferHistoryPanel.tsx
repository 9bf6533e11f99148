import { ANSWERED_OFFER_STATUSES, type OfferHistoryEntry } from '@app/domain/model';
import {
  Alert,
  Card,
  CardContent,
  Chip,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';

export const OFFER_STATUS_COLOR: Record<string, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  pending: 'info',
  accepted: 'success',
  declined: 'error',
  expired: 'warning',
  withdrawn: 'default',
  released: 'default',
};

/** A phone number as a link the desk phone (or a softphone) dials. */
export const PhoneLink = ({ phone }: { phone: string | null }) => {
  const translate = useTranslate();
  if (!phone) return <Typography color="text.secondary">{translate('app.desk.no_phone')}</Typography>;
  return (
    <Link href={`tel:${phone.replace(/[^\d+]/g, '')}`} sx={{ whiteSpace: 'nowrap' }}>
      {phone}
    </Link>
  );
};

/**
 * Who was asked, in which wave, what they answered and when, with their phone numbers: what staff
 * read before phoning round on an escalation (GET /api/requests/:id/offers).
 */
export const OfferHistoryPanel = ({ request }: { request: RequestRecord }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { data, error, isPending } = useQuery({
    queryKey: ['requests', request.id, 'offer-history', request.status, request.onHold],
    queryFn: () => apiClient.request<OfferHistoryEntry[]>(`/requests/${request.id}/offers`),
  });
  const when = (value: string | null) => (value ? formatDateTime(value, locale) : '—');
  return (
    <Card component="section" aria-label={translate('app.desk.history.title')}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.desk.history.title')}
        </Typography>
        {isPending && <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}
        {error && <Alert severity="error">{error.message}</Alert>}
        {data?.length === 0 && (
          <Typography color="text.secondary">
            {translate(request.onHold ? 'app.desk.history.none_held' : 'app.desk.history.none')}
          </Typography>
        )}
        {!!data?.length && (
          <Table size="small" data-testid="offer-history">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.desk.history.who')}</TableCell>
                <TableCell>{translate('app.desk.history.phone')}</TableCell>
                <TableCell align="right">{translate('app.desk.history.wave')}</TableCell>
                <TableCell>{translate('app.desk.history.status')}</TableCell>
                <TableCell>{translate('app.desk.history.sent')}</TableCell>
                <TableCell>{translate('app.desk.history.answered')}</TableCell>
                <TableCell>{translate('app.desk.history.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((offer) => (
                <TableRow key={offer.id}>
                  <TableCell>
                    <Link component={RouterLink} to={`/volunteers/${offer.volunteerId}/show`}>
                      {offer.displayName}
                    </Link>
                    {offer.role === 'shadow' && (
                      <Chip
                        size="small"
                        variant="outlined"
                        sx={{ ml: 1 }}
                        label={translate('app.desk.history.shadow')}
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    <PhoneLink phone={offer.phone} />
                  </TableCell>
                  <TableCell align="right">
                    {offer.wave > 0 ? offer.wave : translate('app.desk.history.by_hand')}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={OFFER_STATUS_COLOR[offer.status] ?? 'default'}
                      label={translate(enumKey('offer_status', offer.status))}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(offer.sentAt)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {offer.status === 'pending'
                      ? translate('app.desk.history.until', { when: when(offer.expiresAt) })
                      : (ANSWERED_OFFER_STATUSES as readonly string[]).includes(offer.status)
                        ? when(offer.respondedAt)
                        : '—'}
                  </TableCell>
                  <TableCell>{offer.declineReason ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
