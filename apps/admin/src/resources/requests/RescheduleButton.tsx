import { formatTimeRange } from '@app/domain/model';
import { formatYen } from '../../figures/format';
import EditCalendarIcon from '@mui/icons-material/EditCalendar';
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
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ApiError } from '../../api/api-client';
import { isAfter, tokyoDateOf, tokyoIso, tokyoTimeOf } from '../../lib/tokyo-input';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';
import { useInterpreterDispatch } from './request-dispatch';

/**
 * The move form of a confirmed visit (POST /api/requests/:id/reschedule): the new date and times,
 * an optional reason for the record, and what will happen — the interpreter is asked, and if they
 * cannot come the request goes back to finding someone; offers still out are withdrawn; no fee.
 */
const RescheduleDialog = ({ record, onClose }: { record: RequestRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const locale = useDisplayLocale();
  const dispatch = useInterpreterDispatch(record);
  const [date, setDate] = useState(() => tokyoDateOf(record.startsAt));
  const [start, setStart] = useState(() => tokyoTimeOf(record.startsAt));
  const [end, setEnd] = useState(() => tokyoTimeOf(record.endsAt));
  const [reason, setReason] = useState('');
  const move = useMutation<RequestRecord, ApiError, Record<string, string>>({
    mutationFn: (body) =>
      apiClient.request<RequestRecord>(`/requests/${record.id}/reschedule`, { method: 'POST', body }),
    onSuccess: (moved) => {
      notify(moved.status === 'confirmed' ? 'app.desk.move.done' : 'app.desk.move.done_released', {
        type: moved.status === 'confirmed' ? 'success' : 'warning',
        autoHideDuration: 8000,
      });
      refresh();
      onClose();
    },
  });
  const endBeforeStart = !!start && !!end && !isAfter(end, start);
  const startsAt = date && start ? tokyoIso(date, start) : '';
  const endsAt = date && end ? tokyoIso(date, end) : '';
  const unchanged =
    Date.parse(startsAt) === Date.parse(record.startsAt) && Date.parse(endsAt) === Date.parse(record.endsAt);
  const name = dispatch.data?.interpreterName;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="reschedule-title">
      <DialogTitle id="reschedule-title">{translate('app.desk.move.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {translate('app.desk.move.now', { when: formatTimeRange(record.startsAt, record.endsAt, locale) })}
        </DialogContentText>
        <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' } }}>
          <TextField
            type="date"
            required
            label={translate('app.requests.date')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'move-date' } }}
          />
          <TextField
            type="time"
            required
            label={translate('resources.requests.fields.startsAt')}
            value={start}
            onChange={(e) => setStart(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'move-start' } }}
          />
          <TextField
            type="time"
            required
            label={translate('resources.requests.fields.endsAt')}
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            error={endBeforeStart}
            helperText={endBeforeStart ? translate('app.requests.end_before_start') : undefined}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'move-end' } }}
          />
        </Box>
        <TextField
          fullWidth
          margin="normal"
          label={translate('app.desk.move.reason')}
          helperText={translate('app.desk.move.reason_hint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <Alert severity="info" data-testid="move-what-happens" sx={{ mt: 1 }}>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            <li>{name ? translate('app.desk.move.asks_named', { name }) : translate('app.desk.move.asks')}</li>
            <li>{translate('app.desk.move.if_not')}</li>
            <li>{translate('app.desk.move.offers')}</li>
            <li>{translate('app.desk.move.no_fee')}</li>
            {/* A move inside the late window carries the lateness forward (README "Moving a visit"). */}
            {record.cancellation?.late && record.cancellation.feeYen > 0 && (
              <li data-testid="move-late-carried">
                {translate('app.desk.move.late_carried', { fee: formatYen(record.cancellation.feeYen, locale) })}
              </li>
            )}
          </Box>
        </Alert>
        {move.error && (
          <Alert severity="error" role="alert" sx={{ mt: 1 }}>
            {move.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.desk.close')}</Button>
        <Button
          variant="contained"
          disabled={!startsAt || !endsAt || endBeforeStart || unchanged || move.isPending}
          onClick={() => move.mutate({ startsAt, endsAt, ...(reason.trim() ? { reason: reason.trim() } : {}) })}
        >
          {translate('app.desk.move.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** 日時を変更 on a confirmed visit that has not started, for the hospital's coordinator and staff. */
export const RescheduleButton = () => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'requests', action: 'reschedule' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || record.status !== 'confirmed' || Date.parse(record.startsAt) <= Date.now()) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<EditCalendarIcon />} onClick={() => setOpen(true)}>
        {translate('app.desk.move.open')}
      </Button>
      {open && <RescheduleDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};
