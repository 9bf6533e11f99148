import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Divider,
  FormHelperText,
  IconButton,
  LinearProgress,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { ApiError } from '../api/api-client';
import { apiClient } from '../providers';
import {
  localErrors,
  newKey,
  nextSlot,
  rowErrors,
  timeOptions,
  toBody,
  toDraft,
  WEEKDAYS,
  type Availability,
  type AvailabilityDraft,
  type ExceptionRow,
  type SlotRow,
} from './availability-draft';

const TimeSelect = ({
  label,
  value,
  kind,
  onChange,
  error,
  allowEmpty,
}: {
  label: string;
  value: string;
  kind: 'start' | 'end';
  onChange: (value: string) => void;
  error?: boolean;
  allowEmpty?: string;
}) => (
  <TextField
    select
    size="small"
    label={label}
    value={value}
    error={error}
    onChange={(event) => onChange(event.target.value)}
    slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    sx={{ width: 104 }}
  >
    {allowEmpty !== undefined && <option value="">{allowEmpty}</option>}
    {timeOptions(kind, value).map((time) => (
      <option key={time} value={time}>
        {time}
      </option>
    ))}
  </TextField>
);

const RowError = ({ message }: { message?: string }) => {
  const translate = useTranslate();
  return message ? (
    <FormHelperText error role="alert" sx={{ mt: 0, mb: 0.5 }}>
      {translate(message, { _: message })}
    </FormHelperText>
  ) : null;
};

const SlotLine = ({
  slot,
  error,
  onChange,
  onRemove,
}: {
  slot: SlotRow;
  error?: string;
  onChange: (slot: SlotRow) => void;
  onRemove: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Box data-testid="slot">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}>
        <TimeSelect
          label={translate('app.registry.availability.start')}
          kind="start"
          value={slot.start}
          error={!!error}
          onChange={(start) => onChange({ ...slot, start })}
        />
        <span aria-hidden>–</span>
        <TimeSelect
          label={translate('app.registry.availability.end')}
          kind="end"
          value={slot.end}
          error={!!error}
          onChange={(end) => onChange({ ...slot, end })}
        />
        <IconButton aria-label={translate('app.registry.availability.remove_slot')} onClick={onRemove} size="small">
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </Box>
      <RowError message={error} />
    </Box>
  );
};

const ExceptionLine = ({
  row,
  error,
  onChange,
  onRemove,
}: {
  row: ExceptionRow;
  error?: string;
  onChange: (row: ExceptionRow) => void;
  onRemove: () => void;
}) => {
  const translate = useTranslate();
  const allDay = translate('app.registry.availability.all_day');
  return (
    <Box data-testid="exception" sx={{ py: 0.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <TextField
          type="date"
          size="small"
          label={translate('app.registry.availability.date')}
          value={row.date}
          error={!!error}
          onChange={(event) => onChange({ ...row, date: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 160 }}
        />
        <TextField
          select
          size="small"
          label={translate('app.registry.availability.available')}
          value={row.available ? 'yes' : 'no'}
          onChange={(event) => onChange({ ...row, available: event.target.value === 'yes' })}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ width: 140 }}
        >
          <option value="yes">{translate('app.registry.availability.is_available')}</option>
          <option value="no">{translate('app.registry.availability.is_unavailable')}</option>
        </TextField>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <TimeSelect
            label={translate('app.registry.availability.start')}
            kind="start"
            value={row.start}
            allowEmpty={allDay}
            error={!!error}
            onChange={(start) => onChange({ ...row, start })}
          />
          <span aria-hidden>–</span>
          <TimeSelect
            label={translate('app.registry.availability.end')}
            kind="end"
            value={row.end}
            allowEmpty={allDay}
            error={!!error}
            onChange={(end) => onChange({ ...row, end })}
          />
          <IconButton
            aria-label={translate('app.registry.availability.remove_exception')}
            onClick={onRemove}
            size="small"
          >
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </Box>
      </Box>
      <RowError message={error} />
    </Box>
  );
};

const AvailabilityForm = ({ path, initial }: { path: string; initial: Availability }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AvailabilityDraft>(() => toDraft(initial));
  const [savedBody, setSavedBody] = useState(() => JSON.stringify(toBody(toDraft(initial)).body));
  const dirty = JSON.stringify(toBody(draft).body) !== savedBody;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const setDay = (index: number, slots: SlotRow[]) =>
    setDraft((d) => ({ ...d, days: d.days.map((day, i) => (i === index ? slots : day)) }));
  const setExceptions = (exceptions: ExceptionRow[]) => setDraft((d) => ({ ...d, exceptions }));

  const save = async () => {
    const local = localErrors(draft);
    setErrors(local);
    setSummary(null);
    if (Object.keys(local).length) return;
    const { body, weeklyKeys, exceptionKeys } = toBody(draft);
    setSaving(true);
    try {
      const saved = await apiClient.request<Availability>(path, { method: 'PUT', body });
      setDraft(toDraft(saved));
      setSavedBody(JSON.stringify(toBody(toDraft(saved)).body));
      queryClient.setQueryData(['availability', path], saved);
      notify('app.registry.availability.saved', { type: 'success' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiError && error.body.errors) {
        setErrors(rowErrors(error.body.errors, weeklyKeys, exceptionKeys));
        setSummary(message);
      } else {
        notify(message, { type: 'error' });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 1, maxWidth: 640 }} data-testid="availability-editor">
      <Typography variant="subtitle1" component="h3">
        {translate('app.registry.availability.weekly')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.registry.availability.weekly_hint')}
      </Typography>
      {WEEKDAYS.map((weekday, index) => {
        const slots = draft.days[index];
        const name = translate(`app.registry.availability.weekdays.${weekday}`);
        return (
          <Box
            key={weekday}
            data-testid={`weekday-${weekday}`}
            role="group"
            aria-label={name}
            sx={{ borderBottom: 1, borderColor: 'divider', pb: 0.5 }}
          >
            <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
              <Typography sx={{ fontWeight: 500 }}>{name}</Typography>
              <Button size="small" startIcon={<AddIcon />} onClick={() => setDay(index, [...slots, nextSlot(slots)])}>
                {translate('app.registry.availability.add_slot')}
              </Button>
            </Box>
            {slots.length === 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ pb: 0.5 }}>
                {translate('app.registry.availability.no_slots')}
              </Typography>
            ) : (
              slots.map((slot) => (
                <SlotLine
                  key={slot.key}
                  slot={slot}
                  error={errors[slot.key]}
                  onChange={(next) =>
                    setDay(
                      index,
                      slots.map((s) => (s.key === slot.key ? next : s)),
                    )
                  }
                  onRemove={() =>
                    setDay(
                      index,
                      slots.filter((s) => s.key !== slot.key),
                    )
                  }
                />
              ))
            )}
          </Box>
        );
      })}
      <Divider sx={{ my: 1 }} />
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3">
          {translate('app.registry.availability.exceptions')}
        </Typography>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() =>
            setExceptions([...draft.exceptions, { key: newKey(), date: '', available: false, start: '', end: '' }])
          }
        >
          {translate('app.registry.availability.add_exception')}
        </Button>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {translate('app.registry.availability.exceptions_hint')}
      </Typography>
      {draft.exceptions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.registry.availability.no_exceptions')}
        </Typography>
      ) : (
        draft.exceptions.map((row) => (
          <ExceptionLine
            key={row.key}
            row={row}
            error={errors[row.key]}
            onChange={(next) => setExceptions(draft.exceptions.map((e) => (e.key === row.key ? next : e)))}
            onRemove={() => setExceptions(draft.exceptions.filter((e) => e.key !== row.key))}
          />
        ))
      )}
      {summary && (
        <Alert severity="error" role="alert">
          {summary}
        </Alert>
      )}
      <Box sx={{ mt: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={() => void save()} disabled={saving}>
          {translate('app.registry.availability.save')}
        </Button>
        {dirty && (
          <Typography variant="body2" color="warning.main" data-testid="availability-unsaved">
            {translate('app.registry.availability.unsaved')}
          </Typography>
        )}
      </Box>
      {saving && <LinearProgress />}
    </Box>
  );
};

/**
 * The weekly pattern and dated exceptions of one volunteer, loaded from and saved to `path`
 * (`/volunteers/:id/availability` for staff, `/volunteers/me/availability` for the volunteer).
 * The whole document is replaced on save; the API's complaints appear next to the rows they name.
 */
export const AvailabilityEditor = ({ path }: { path: string }) => {
  const query = useQuery({ queryKey: ['availability', path], queryFn: () => apiClient.request<Availability>(path) });
  if (query.isPending) return <LinearProgress />;
  if (query.error) return <Alert severity="error">{query.error.message}</Alert>;
  return <AvailabilityForm key={path} path={path} initial={query.data} />;
};
