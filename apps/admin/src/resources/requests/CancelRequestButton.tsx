import { isCancellable } from '@app/domain/model';
import CancelIcon from '@mui/icons-material/Cancel';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import type { RequestRecord } from './fields';
import { ReasonField } from './ReasonField';

/** Cancel with a reason, after a confirmation dialog. */
export const CancelRequestButton = () => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'requests', action: 'cancel' });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useApiAction<{ id: string; reason: string }>((body) => `/requests/${body.id}/cancel`, {
    onSuccess: () => {
      setOpen(false);
      notify('app.requests.cancelled', { type: 'success' });
    },
  });
  if (!record || !canAccess || !isCancellable(record.status)) return null;
  return (
    <>
      <Button color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        {translate('app.requests.cancel')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('app.requests.cancel_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.requests.cancel_content')}</DialogContentText>
          <ReasonField autoFocus label={translate('app.requests.cancel_reason')} value={reason} onChange={setReason} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={!reason.trim() || cancel.isPending}
            onClick={() => cancel.mutate({ id: record.id, reason: reason.trim() })}
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
