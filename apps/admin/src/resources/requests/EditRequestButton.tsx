import { isOpen } from '@app/domain/model';
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
  MenuItem,
  TextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ApiError } from '../../api/api-client';
import { isAfter } from '../../lib/tokyo-input';
import {
  choices,
  DEPARTMENTS,
  INTERPRETER_GENDERS,
  languageChoices,
  MODES,
  VISIT_TYPES,
  type Choice,
} from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';
import { draftOf, patchBody, reoffers, type RequestDraft } from './request-changes';
import { visitOver } from './request-state';

const Select = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Choice[];
  onChange: (value: string) => void;
}) => {
  const translate = useTranslate();
  return (
    <TextField select label={translate(label)} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((option) => (
        <MenuItem key={option.id} value={option.id}>
          {translate(option.name)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** The change form (PATCH /api/requests/:id), saying what happens to the offers already out. */
const EditDialog = ({ record, onClose }: { record: RequestRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [before] = useState(() => draftOf(record));
  const [draft, setDraft] = useState<RequestDraft>(before);
  const set = (key: keyof RequestDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation<RequestRecord, ApiError, Record<string, string>>({
    mutationFn: (body) => apiClient.request<RequestRecord>(`/requests/${record.id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      notify(reoffers(before, draft) ? 'app.desk.edit.saved_reoffered' : 'app.desk.edit.saved', { type: 'success' });
      refresh();
      onClose();
    },
  });
  const body = patchBody(before, draft);
  const endBeforeStart = !!draft.start && !!draft.end && !isAfter(draft.end, draft.start);
  const offersOut = record.status === 'offered' || record.status === 'escalated';
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.desk.edit.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('app.desk.edit.content')}</DialogContentText>
        <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' } }}>
          <TextField
            type="date"
            required
            label={translate('app.requests.date')}
            value={draft.date}
            onChange={(e) => set('date')(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="time"
            required
            label={translate('resources.requests.fields.startsAt')}
            value={draft.start}
            onChange={(e) => set('start')(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="time"
            required
            label={translate('resources.requests.fields.endsAt')}
            value={draft.end}
            onChange={(e) => set('end')(e.target.value)}
            error={endBeforeStart}
            helperText={endBeforeStart ? translate('app.requests.end_before_start') : undefined}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
        <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <Select
            label="resources.requests.fields.language"
            value={draft.language}
            options={languageChoices}
            onChange={set('language')}
          />
          <Select
            label="resources.requests.fields.mode"
            value={draft.mode}
            options={choices('mode', MODES)}
            onChange={set('mode')}
          />
          <Select
            label="resources.requests.fields.department"
            value={draft.department}
            options={choices('department', DEPARTMENTS)}
            onChange={set('department')}
          />
          <Select
            label="resources.requests.fields.visitType"
            value={draft.visitType}
            options={choices('visit_type', VISIT_TYPES)}
            onChange={set('visitType')}
          />
          <Select
            label="resources.requests.fields.interpreterGender"
            value={draft.interpreterGender}
            options={choices('interpreter_gender', INTERPRETER_GENDERS)}
            onChange={set('interpreterGender')}
          />
        </Box>
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          label={translate('resources.requests.fields.notes')}
          value={draft.notes}
          onChange={(e) => set('notes')(e.target.value)}
        />
        {reoffers(before, draft) && (
          <Alert severity="warning" data-testid="edit-reoffers">
            {translate(offersOut ? 'app.desk.edit.reoffers_out' : 'app.desk.edit.reoffers')}
          </Alert>
        )}
        {save.error && (
          <Alert severity="error" role="alert" sx={{ mt: 1 }}>
            {save.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.desk.close')}</Button>
        <Button
          variant="contained"
          disabled={Object.keys(body).length === 0 || endBeforeStart || !draft.date || save.isPending}
          onClick={() => save.mutate(body)}
        >
          {translate('app.desk.edit.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** 日時・内容を変更 while someone is being looked for (a confirmed visit is moved with RescheduleButton). */
export const EditRequestButton = () => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'requests', action: 'edit' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || visitOver(record, new Date()) || !isOpen(record.status)) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<EditCalendarIcon />} onClick={() => setOpen(true)}>
        {translate('app.desk.edit.open')}
      </Button>
      {open && <EditDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};
