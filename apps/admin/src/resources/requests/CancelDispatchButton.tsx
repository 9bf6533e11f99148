import type { CancellingParty } from '@app/domain/model';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isStaff, type Role } from '../../access';
import { formatTimeRange } from '@app/domain/model';
import { useApiAction } from '../../lib/use-api-action';
import { useDisplayLocale } from '../../lib/use-display-locale';
import type { RequestRecord } from './fields';
import { useRequestDispatch } from './VisitConfirmationPanel';
import { ReasonField } from './ReasonField';

/** Whose side gives the visit up (the API's CANCELLING_PARTIES); a late one is charged only to the hospital. */
type Party = CancellingParty;

interface CancelDispatchBody {
  id: string;
  reason: string;
  party?: Party;
}

/**
 * Takes the confirmed interpreter off a visit that has not ended (POST /api/dispatches/:id/cancel):
 * the volunteer who cannot go, or whom the hospital no longer wants. Unlike cancelling the request,
 * the visit stays: the request reopens and is offered to others. Staff say whose side it is;
 * a coordinator's cancellation is the hospital's (the API's default for them).
 */
export const CancelDispatchButton = () => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useDisplayLocale();
  const { permissions } = usePermissions<Role>();
  const { canAccess } = useCanAccess({ resource: 'dispatches', action: 'cancel' });
  const relevant = canAccess === true && record?.status === 'confirmed';
  const dispatch = useRequestDispatch(record ?? { id: '', status: '' }, relevant);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [party, setParty] = useState<Party>('interpreter');
  const cancel = useApiAction<CancelDispatchBody>((body) => `/dispatches/${body.id}/cancel`, {
    onSuccess: () => {
      setOpen(false);
      setReason('');
      notify('app.dispatch_cancel.done', { type: 'success' });
    },
  });
  const live = dispatch.data?.status === 'confirmed' ? dispatch.data : null;
  if (!record || !relevant || !live || new Date(live.endsAt).getTime() <= Date.now()) return null;
  const staff = isStaff(permissions);
  const submit = () => cancel.mutate({ id: live.id, reason: reason.trim(), ...(staff ? { party } : {}) });
  return (
    <>
      <Button variant="outlined" color="warning" startIcon={<PersonOffIcon />} onClick={() => setOpen(true)}>
        {translate('app.dispatch_cancel.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('app.dispatch_cancel.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate('app.dispatch_cancel.content', {
              name: live.interpreterName,
              when: formatTimeRange(live.startsAt, live.endsAt, locale),
            })}
          </DialogContentText>
          <Alert severity="info" sx={{ mt: 1 }}>
            {translate('app.dispatch_cancel.reopens')}
          </Alert>
          {staff && (
            <FormControl margin="normal">
              <FormLabel id="dispatch-cancel-party">{translate('app.dispatch_cancel.party')}</FormLabel>
              <RadioGroup
                aria-labelledby="dispatch-cancel-party"
                value={party}
                onChange={(event) => setParty(event.target.value as Party)}
              >
                <FormControlLabel
                  value="interpreter"
                  control={<Radio />}
                  label={translate('app.dispatch_cancel.party_interpreter')}
                />
                <FormControlLabel
                  value="hospital"
                  control={<Radio />}
                  label={translate('app.dispatch_cancel.party_hospital')}
                />
              </RadioGroup>
              <FormHelperText sx={{ mx: 0 }}>{translate('app.dispatch_cancel.late_hint')}</FormHelperText>
            </FormControl>
          )}
          <ReasonField label={translate('app.dispatch_cancel.reason')} value={reason} onChange={setReason} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="warning" variant="contained" disabled={!reason.trim() || cancel.isPending} onClick={submit}>
            {translate('app.dispatch_cancel.submit')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
