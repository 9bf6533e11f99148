import type { DispatchView } from '@app/domain/model';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isStaff, type Role } from '../../access';
import { formatYen } from '../../figures/format';
import { formatTimeRange } from '@app/domain/model';
import { tokyoDateOf, tokyoTimeOf, visitTimes } from '../../lib/tokyo-input';
import { useApiAction } from '../../lib/use-api-action';
import { useDisplayLocale } from '../../lib/use-display-locale';
import type { RequestRecord } from './fields';
import { useInterpreterDispatch } from './request-dispatch';
import { type NoShowChoice, visitStarted } from './request-state';
import { ConfirmDialog } from './VisitConfirmationPanel';

/** Patient or interpreter no-show: what happened, and what it costs whom, before the button. */
const NoShowDialog = ({
  dispatch,
  party,
  feeYen,
  onClose,
}: {
  dispatch: DispatchView;
  party: NoShowChoice;
  /** The patient no-show fee the API states for this visit (`patientNoShowFeeYen`). */
  feeYen?: number;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useDisplayLocale();
  const record = useApiAction<{ id: string; party: NoShowChoice }>((body) => `/dispatches/${body.id}/no-show`, {
    onSuccess: () => {
      notify(`app.desk.outcome.${party}_done`, { type: 'success' });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(`app.desk.outcome.${party}_title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {translate(`app.desk.outcome.${party}_content`, {
            name: dispatch.interpreterName,
            when: formatTimeRange(dispatch.startsAt, dispatch.endsAt, locale),
          })}
        </DialogContentText>
        <Alert severity={party === 'patient' ? 'warning' : 'info'} sx={{ mt: 2 }} data-testid="no-show-cost">
          {party === 'patient' && feeYen !== undefined
            ? translate('app.desk.outcome.patient_cost_fee', { fee: formatYen(feeYen, locale) })
            : translate(`app.desk.outcome.${party}_cost`)}
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.desk.close')}</Button>
        <Button
          variant="contained"
          color="warning"
          disabled={record.isPending}
          onClick={() => record.mutate({ id: dispatch.id, party })}
        >
          {translate(`app.desk.outcome.${party}_submit`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Staff record the visit as done with its actual times (POST /api/dispatches/:id/complete). */
const CompleteDialog = ({ dispatch, onClose }: { dispatch: DispatchView; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const date = tokyoDateOf(dispatch.startsAt);
  const [start, setStart] = useState(tokyoTimeOf(dispatch.startsAt));
  const [end, setEnd] = useState(tokyoTimeOf(dispatch.endsAt));
  const complete = useApiAction<{ id: string; actualStart: string; actualEnd: string }>(
    (body) => `/dispatches/${body.id}/complete`,
    {
      onSuccess: () => {
        notify('app.desk.outcome.complete_done', { type: 'success' });
        onClose();
      },
    },
  );
  // A visit across midnight (23:30–00:30) ends the next morning.
  const times = visitTimes(date, start, end);
  const endBeforeStart = !!times?.endBeforeStart;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.desk.outcome.complete_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('app.desk.outcome.complete_content')}</DialogContentText>
        <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: '1fr 1fr' }}>
          <TextField
            type="time"
            required
            label={translate('app.visit_confirmation.actual_start')}
            value={start}
            onChange={(e) => setStart(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="time"
            required
            label={translate('app.visit_confirmation.actual_end')}
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            error={endBeforeStart}
            helperText={endBeforeStart ? translate('app.visit_confirmation.end_before_start') : undefined}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('app.desk.outcome.complete_cost')}
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.desk.close')}</Button>
        <Button
          variant="contained"
          disabled={!times || endBeforeStart || complete.isPending}
          onClick={() =>
            times && complete.mutate({ id: dispatch.id, actualStart: times.actualStart, actualEnd: times.actualEnd })
          }
        >
          {translate('app.desk.outcome.complete_submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

type Open = NoShowChoice | 'complete' | null;

/**
 * Once a confirmed visit has started, what happened at it takes the place of cancelling: the
 * patient did not come (the hospital is charged the no-show fee), the interpreter did not come (no
 * charge), or it took place (staff give the actual times; the hospital's coordinator confirms and
 * rates it, which records it as done).
 */
export const VisitOutcomeButtons = () => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Role>();
  const { canAccess } = useCanAccess({ resource: 'requests', action: 'outcome' });
  const relevant = canAccess === true && record?.status === 'confirmed';
  const dispatch = useInterpreterDispatch(record, relevant);
  const [open, setOpen] = useState<Open>(null);
  const live = dispatch.data?.status === 'confirmed' ? dispatch.data : null;
  if (!record || !relevant || !live || !visitStarted(record, new Date())) return null;
  return (
    <>
      <Button variant="outlined" color="warning" startIcon={<EventBusyIcon />} onClick={() => setOpen('patient')}>
        {translate('app.desk.outcome.patient')}
      </Button>
      <Button variant="outlined" color="warning" startIcon={<PersonOffIcon />} onClick={() => setOpen('interpreter')}>
        {translate('app.desk.outcome.interpreter')}
      </Button>
      <Button variant="contained" startIcon={<DoneAllIcon />} onClick={() => setOpen('complete')}>
        {translate('app.desk.outcome.complete')}
      </Button>
      {(open === 'patient' || open === 'interpreter') && (
        <NoShowDialog dispatch={live} party={open} feeYen={record.patientNoShowFeeYen} onClose={() => setOpen(null)} />
      )}
      {open === 'complete' && isStaff(permissions) && <CompleteDialog dispatch={live} onClose={() => setOpen(null)} />}
      {open === 'complete' && !isStaff(permissions) && (
        <ConfirmDialog
          dispatch={live}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            notify('app.visit_confirmation.done', { type: 'success' });
            refresh();
          }}
        />
      )}
    </>
  );
};
