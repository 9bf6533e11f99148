import type { DispatchView } from '@app/domain/model';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import { ReasonField } from '../requests/ReasonField';

const HOUR = 3_600_000;
/** Inside this many hours the API alerts staff at once (the policy's lateCancellationHours). */
const ALERT_AT_ONCE_HOURS = 24;

/**
 * "I can't go": the dispatched volunteer gives up a confirmed visit with a reason
 * (POST /api/dispatches/:id/cancel). The dialog says what follows — staff and the hospital are
 * told, another interpreter is sought, the hospital pays nothing — before anything is sent.
 */
export const CantGoButton = ({
  dispatch,
  now,
  onDone,
}: {
  dispatch: Pick<DispatchView, 'id' | 'status' | 'startsAt'> & Partial<Pick<DispatchView, 'awaitingMoveAnswer'>>;
  now: Date;
  onDone?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useApiAction<{ id: string; reason: string }>((body) => `/dispatches/${body.id}/cancel`, {
    onSuccess: () => {
      setOpen(false);
      setReason('');
      notify('app.cant_go.done', { type: 'success', autoHideDuration: 8000 });
      onDone?.();
    },
  });
  if (dispatch.status !== 'confirmed' || Date.parse(dispatch.startsAt) <= now.getTime()) return null;
  const soon = Date.parse(dispatch.startsAt) - now.getTime() < ALERT_AT_ONCE_HOURS * HOUR;
  const close = () => !cancel.isPending && setOpen(false);
  return (
    <>
      <Button
        variant="outlined"
        color="error"
        startIcon={<EventBusyIcon />}
        onClick={() => setOpen(true)}
        sx={{ minHeight: 44 }}
      >
        {translate('app.cant_go.open')}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="xs"
        fullScreen={fullScreen}
        aria-labelledby="cant-go-title"
      >
        <DialogTitle id="cant-go-title">{translate('app.cant_go.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.cant_go.what_happens')}</DialogContentText>
          {!!dispatch.awaitingMoveAnswer && (
            <DialogContentText sx={{ mt: 1 }} data-testid="cant-go-moved">
              {translate('app.cant_go.moved')}
            </DialogContentText>
          )}
          {soon && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {translate('app.cant_go.soon')}
            </Alert>
          )}
          <ReasonField label={translate('app.cant_go.reason')} value={reason} onChange={setReason} autoFocus />
          <DialogContentText variant="body2">{translate('app.cant_go.reason_hint')}</DialogContentText>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2, flexWrap: 'wrap', gap: 1 }}>
          <Button onClick={close} disabled={cancel.isPending} sx={{ minHeight: 44 }}>
            {translate('app.cant_go.close')}
          </Button>
          <Button
            variant="contained"
            color="error"
            disabled={!reason.trim() || cancel.isPending}
            onClick={() => cancel.mutate({ id: dispatch.id, reason: reason.trim() })}
            sx={{ minHeight: 44 }}
          >
            {translate('app.cant_go.submit')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
