import type { DispatchView } from '@app/domain/model';
import { Box, Button, Chip, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';

/** A shadow visit's interpreter, for the trainee: whom they accompany. */
export const ShadowOfLine = ({ dispatch }: { dispatch: DispatchView }) => {
  const translate = useTranslate();
  if (dispatch.role !== 'shadow' || !dispatch.shadowOf) return null;
  return (
    <Typography data-testid="shadow-of" sx={{ mb: 1 }}>
      {translate('app.shadowing.interpreter', { name: dispatch.shadowOf })}
    </Typography>
  );
};

/**
 * After a shadow visit: the trainee's practicum record (what they observed, what they would
 * study, their transport), or where it stands once filed.
 */
export const PracticumSection = ({ dispatch }: { dispatch: DispatchView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [observed, setObserved] = useState('');
  const [wouldStudy, setWouldStudy] = useState('');
  const [transport, setTransport] = useState('');
  const file = useApiAction<{ id: string; observed: string; wouldStudy: string; transportCostYen?: number }>(
    (body) => `/dispatches/${body.id}/practicum`,
    {
      onSuccess: () => {
        notify('app.shadowing.practicum_filed', { type: 'success' });
        void queryClient.invalidateQueries({ queryKey: ['dispatches'] });
      },
    },
  );
  if (dispatch.role !== 'shadow' || !dispatch.practicum) return null;
  if (dispatch.practicum !== 'missing')
    return (
      <Chip
        size="small"
        color={dispatch.practicum === 'reviewed' ? 'success' : 'default'}
        data-testid="practicum-state"
        label={translate(`app.shadowing.practicum_state.${dispatch.practicum}`)}
      />
    );
  return (
    <Box
      component="form"
      data-testid="practicum-form"
      sx={{ display: 'grid', gap: 1.5, width: '100%' }}
      onSubmit={(event) => {
        event.preventDefault();
        file.mutate({
          id: dispatch.id,
          observed,
          wouldStudy,
          ...(transport.trim() ? { transportCostYen: Number(transport) } : {}),
        });
      }}
    >
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {translate('app.shadowing.practicum_title')}
      </Typography>
      <TextField
        label={translate('app.shadowing.observed')}
        value={observed}
        onChange={(event) => setObserved(event.target.value)}
        multiline
        minRows={2}
        required
        name="observed"
        helperText={translate('app.requests.no_patient_details')}
      />
      <TextField
        label={translate('app.shadowing.would_study')}
        value={wouldStudy}
        onChange={(event) => setWouldStudy(event.target.value)}
        multiline
        minRows={2}
        required
        name="wouldStudy"
      />
      <TextField
        label={translate('app.shadowing.transport')}
        value={transport}
        onChange={(event) => setTransport(event.target.value.replace(/[^\d]/g, ''))}
        inputProps={{ inputMode: 'numeric' }}
        name="transportCostYen"
      />
      <Button
        type="submit"
        variant="contained"
        size="large"
        disabled={!observed.trim() || !wouldStudy.trim() || file.isPending}
      >
        {translate('app.shadowing.file_practicum')}
      </Button>
    </Box>
  );
};

/**
 * After a visit a trainee shadowed, for its interpreter: a few lines of feedback on the trainee
 * (once the trainee has filed the practicum record, and until staff review it).
 */
export const TraineeFeedbackSection = ({ dispatch }: { dispatch: DispatchView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const seat = dispatch.shadowTrainee;
  const [feedback, setFeedback] = useState('');
  const send = useApiAction<{ id: string; feedback: string }>((body) => `/dispatches/${body.id}/practicum/feedback`, {
    onSuccess: () => {
      notify('app.shadowing.feedback_sent', { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['dispatches'] });
    },
  });
  if (dispatch.role !== 'primary' || !seat) return null;
  const title = (
    <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
      {translate('app.shadowing.feedback_title', { name: seat.name })}
    </Typography>
  );
  if (seat.feedback !== null)
    return (
      <Box data-testid="trainee-feedback" sx={{ display: 'grid', gap: 0.5, width: '100%' }}>
        {title}
        <Typography variant="body2" data-testid="trainee-feedback-given" sx={{ whiteSpace: 'pre-wrap' }}>
          {seat.feedback}
        </Typography>
      </Box>
    );
  if (seat.practicum !== 'submitted')
    return (
      <Box data-testid="trainee-feedback" sx={{ display: 'grid', gap: 0.5, width: '100%' }}>
        {title}
        <Typography variant="body2" color="text.secondary">
          {translate(`app.shadowing.feedback_${seat.practicum === 'missing' ? 'after_record' : 'closed'}`)}
        </Typography>
      </Box>
    );
  return (
    <Box
      component="form"
      data-testid="trainee-feedback"
      sx={{ display: 'grid', gap: 1.5, width: '100%' }}
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate({ id: seat.dispatchId, feedback });
      }}
    >
      {title}
      <TextField
        label={translate('app.shadowing.feedback_label')}
        value={feedback}
        onChange={(event) => setFeedback(event.target.value)}
        multiline
        minRows={3}
        required
        name="feedback"
        slotProps={{ htmlInput: { maxLength: 2000 } }}
        helperText={translate('app.requests.no_patient_details')}
      />
      <Button type="submit" variant="contained" size="large" disabled={!feedback.trim() || send.isPending}>
        {translate('app.shadowing.send_feedback')}
      </Button>
    </Box>
  );
};
