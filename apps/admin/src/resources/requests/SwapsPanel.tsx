import { isOpen } from '@app/domain/model';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, useNotify, useTranslate } from 'react-admin';
import { formatTimeRange } from '@app/domain/model';
import { useApiAction } from '../../lib/use-api-action';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';

/** `GET /api/requests/:id/swaps` (no patient details in it). */
interface SwapOption {
  volunteerId: string;
  displayName: string;
  score: number;
  releases: {
    dispatchId: string;
    requestId: string;
    language: string;
    startsAt: string;
    endsAt: string;
    hospitalName: string;
  };
  cover: { volunteerId: string; displayName: string }[];
}

const SwapDialog = ({
  request,
  option,
  cover,
  onClose,
}: {
  request: RequestRecord;
  option: SwapOption;
  cover: SwapOption['cover'][number];
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useDisplayLocale();
  const swap = useApiAction<{ id: string; volunteerId: string; dispatchId: string; coverVolunteerId: string }>(
    (body) => `/requests/${body.id}/swap`,
    {
      onSuccess: () => {
        notify('app.swaps.done', { type: 'success' });
        onClose();
      },
    },
  );
  const names = { holder: option.displayName, cover: cover.displayName };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('app.swaps.confirm_title', names)}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {translate('app.swaps.confirm_content', {
            ...names,
            when: formatTimeRange(option.releases.startsAt, option.releases.endsAt, locale),
            hospital: option.releases.hospitalName,
          })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={swap.isPending}
          onClick={() =>
            swap.mutate({
              id: request.id,
              volunteerId: option.volunteerId,
              dispatchId: option.releases.dispatchId,
              coverVolunteerId: cover.volunteerId,
            })
          }
        >
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Staff's last resort for a request nobody free can take: a volunteer kept from it by one booked
 * visit hands that visit on to someone who can take it, and takes this request. Staff phone both
 * first; the swap is one transaction on the server.
 */
export const SwapsPanel = ({ request }: { request: RequestRecord }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const [swapping, setSwapping] = useState<{ option: SwapOption; cover: SwapOption['cover'][number] } | null>(null);
  const open = isOpen(request.status);
  const { data, isPending, error } = useQuery({
    queryKey: ['requests', request.id, 'swaps', request.status],
    queryFn: () => apiClient.request<SwapOption[]>(`/requests/${request.id}/swaps`),
    enabled: open,
  });
  if (!open) return null;
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Card component="section" aria-label={translate('app.swaps.title')}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.swaps.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.swaps.intro')}
        </Typography>
        {data.length === 0 && <Typography color="text.secondary">{translate('app.swaps.none')}</Typography>}
        <List dense disablePadding>
          {data.map((option) => (
            <ListItem
              key={option.volunteerId}
              divider
              disableGutters
              sx={{ display: 'block' }}
              data-testid="swap-option"
            >
              <Typography fontWeight="bold">{option.displayName}</Typography>
              <Typography variant="body2">
                {translate(enumKey('language', option.releases.language), { _: option.releases.language })} ·{' '}
                {translate('app.swaps.hands_on', {
                  when: formatTimeRange(option.releases.startsAt, option.releases.endsAt, locale),
                  hospital: option.releases.hospitalName,
                })}
              </Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>
                {option.cover.map((cover) => (
                  <Button
                    key={cover.volunteerId}
                    size="small"
                    variant="outlined"
                    startIcon={<SwapHorizIcon />}
                    onClick={() => setSwapping({ option, cover })}
                  >
                    {translate('app.swaps.swap_with', { name: cover.displayName })}
                  </Button>
                ))}
              </Box>
            </ListItem>
          ))}
        </List>
      </CardContent>
      {swapping && (
        <SwapDialog
          request={request}
          option={swapping.option}
          cover={swapping.cover}
          onClose={() => setSwapping(null)}
        />
      )}
    </Card>
  );
};
