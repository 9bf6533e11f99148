import { isCancellable, isFilled } from '@app/domain/model';
import CancelIcon from '@mui/icons-material/Cancel';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { formatYen } from '../../figures/format';
import { useApiAction } from '../../lib/use-api-action';
import { useDisplayLocale } from '../../lib/use-display-locale';
import type { RequestRecord } from './fields';
import { ReasonField } from './ReasonField';
import { visitOver } from './request-state';

/** What cancelling now costs the hospital (the request view's `cancellation`), said before the button. */
const CancellationTerms = ({ record }: { record: RequestRecord }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  // Only a confirmed visit can cost anything; a request still looking for someone never does.
  const { late, feeYen } = record.cancellation ?? { late: false, feeYen: 0 };
  return late && feeYen > 0 ? (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="cancellation-fee">
      {translate('app.desk.cancel.late_fee', { fee: formatYen(feeYen, locale) })}
    </Alert>
  ) : (
    <Alert severity="info" sx={{ mt: 2 }} data-testid="cancellation-fee">
      {translate('app.desk.cancel.no_fee')}
    </Alert>
  );
};

/**
 * Calls the visit off, with a reason, after a dialog that says what it costs. A filled visit that
 * is over cannot be cancelled (the no-show and completion buttons take its place).
 */
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
  if (isFilled(record.status) && visitOver(record, new Date())) return null;
  return (
    <>
      <Button color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        {translate('app.requests.cancel')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.requests.cancel_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.requests.cancel_content')}</DialogContentText>
          <CancellationTerms record={record} />
          <ReasonField autoFocus label={translate('app.requests.cancel_reason')} value={reason} onChange={setReason} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('app.desk.close')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={!reason.trim() || cancel.isPending}
            onClick={() => cancel.mutate({ id: record.id, reason: reason.trim() })}
          >
            {translate('app.requests.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
