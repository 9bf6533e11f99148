import FactCheckIcon from '@mui/icons-material/FactCheck';
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
  Rating,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { type DispatchView, isFilled, isLiveDispatch } from '@app/domain/model';
import { isStaff, type Role } from '../../access';
import type { ApiError } from '../../api/api-client';
import { formatTimeRange } from '@app/domain/model';
import { tokyoDateOf, tokyoTimeOf, visitTimes } from '../../lib/tokyo-input';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';

/** GET /api/dispatches: the API's view, from the model. */
type DispatchRecord = DispatchView;

/** POST /api/dispatches/:id/hospital-confirmation answers this (apps/api/src/reports/dto/report.dto.ts). */
export interface HospitalConfirmation {
  id: string;
  dispatchId: string;
  actualStart: string;
  actualEnd: string;
  rating: number | null;
  comment: string | null;
  timeDispute: boolean;
}

interface ConfirmBody {
  actualStart: string;
  actualEnd: string;
  rating?: number;
  comment?: string;
}

/** The request's live or completed (primary) dispatch (GET /api/dispatches?requestId=…, scoped by the API). */
export function useRequestDispatch(request: Pick<RequestRecord, 'id'> & { status: string }, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['requests', request.id, 'dispatch', request.status],
    queryFn: async () => {
      const page = await apiClient.request<{ data: DispatchRecord[] }>('/dispatches', {
        query: { requestId: request.id, perPage: 10 },
      });
      const live = page.data.filter((d) => isLiveDispatch(d.status));
      // The interpreter's, not a trainee's shadow dispatch: it is the one that fills the request.
      return live.find((d) => d.role === 'primary') ?? live[0] ?? null;
    },
  });
}

/** The hospital's confirmation of that dispatch, or null while there is none. */
function useHospitalConfirmation(dispatch: DispatchRecord | null | undefined) {
  return useQuery({
    enabled: dispatch !== undefined,
    queryKey: ['dispatches', dispatch?.id, 'hospital-confirmation', dispatch?.hospitalConfirmed],
    queryFn: () =>
      dispatch?.hospitalConfirmed
        ? apiClient.request<HospitalConfirmation>(`/dispatches/${dispatch.id}/hospital-confirmation`)
        : null,
  });
}

export const ConfirmDialog = ({
  dispatch,
  onClose,
  onDone,
}: {
  dispatch: DispatchRecord;
  onClose: () => void;
  onDone: (result: HospitalConfirmation) => void;
}) => {
  const translate = useTranslate();
  const date = tokyoDateOf(dispatch.startsAt);
  const [start, setStart] = useState(tokyoTimeOf(dispatch.actualStart ?? dispatch.startsAt));
  const [end, setEnd] = useState(tokyoTimeOf(dispatch.actualEnd ?? dispatch.endsAt));
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const confirm = useMutation<HospitalConfirmation, ApiError, ConfirmBody>({
    mutationFn: (body) =>
      apiClient.request<HospitalConfirmation>(`/dispatches/${dispatch.id}/hospital-confirmation`, {
        method: 'POST',
        body,
      }),
    onSuccess: onDone,
  });
  // A visit across midnight (23:30–00:30) ends the next morning.
  const times = visitTimes(date, start, end);
  const endBeforeStart = !!times?.endBeforeStart;
  const submit = () =>
    times &&
    confirm.mutate({
      actualStart: times.actualStart,
      actualEnd: times.actualEnd,
      ...(rating ? { rating } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('app.visit_confirmation.dialog_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('app.visit_confirmation.dialog_content')}</DialogContentText>
        <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <TextField
            type="time"
            label={translate('app.visit_confirmation.actual_start')}
            value={start}
            onChange={(e) => setStart(e.target.value)}
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="time"
            label={translate('app.visit_confirmation.actual_end')}
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            required
            error={endBeforeStart}
            helperText={endBeforeStart ? translate('app.visit_confirmation.end_before_start') : undefined}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
        <Typography component="legend" variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('app.visit_confirmation.rating')}
        </Typography>
        <Rating
          name="rating"
          size="large"
          value={rating}
          onChange={(_e, value) => setRating(value)}
          getLabelText={(value: number) => translate('app.visit_confirmation.stars', { smart_count: value })}
          emptyLabelText={translate('app.visit_confirmation.rating_none')}
        />
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          label={translate('app.visit_confirmation.comment')}
          helperText={translate('app.visit_confirmation.comment_hint')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        {confirm.error && (
          <Alert severity="error" role="alert">
            {confirm.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!start || !end || endBeforeStart || confirm.isPending} onClick={submit}>
          {translate('app.visit_confirmation.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** What the hospital confirmed: the times, the rating and the comment. */
export const ConfirmationResult = ({ result }: { result: HospitalConfirmation }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <Box data-testid="visit-confirmation">
      <Alert severity="success" sx={{ mb: 1 }}>
        {translate('app.visit_confirmation.result', {
          time: formatTimeRange(result.actualStart, result.actualEnd, locale),
        })}
      </Alert>
      {result.rating ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Rating
            value={result.rating}
            readOnly
            getLabelText={(value: number) => translate('app.visit_confirmation.stars', { smart_count: value })}
          />
          <Typography>{translate('app.visit_confirmation.rated', { rating: result.rating })}</Typography>
        </Box>
      ) : (
        <Typography color="text.secondary">{translate('app.visit_confirmation.not_rated')}</Typography>
      )}
      {result.comment && <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{result.comment}</Typography>}
      {result.timeDispute && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.visit_confirmation.time_dispute')}
        </Alert>
      )}
    </Box>
  );
};

/**
 * The coordinator's "confirm the visit and rate it", once the visit is over
 * (POST /api/dispatches/:id/hospital-confirmation). The API keeps one confirmation per visit; a
 * second answers CONFIRMATION_EXISTS, shown in words.
 */
export const VisitConfirmationPanel = ({ request }: { request: RequestRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess: mayConfirm } = useCanAccess({ resource: 'requests', action: 'confirm_visit' });
  const { permissions } = usePermissions<Role>();
  const relevant = (mayConfirm === true || isStaff(permissions)) && isFilled(request.status);
  const dispatch = useRequestDispatch(request, relevant);
  const saved = useHospitalConfirmation(dispatch.data);
  const [open, setOpen] = useState(false);
  const [confirmed, setResult] = useState<HospitalConfirmation | null>(null);
  const result = confirmed ?? saved.data ?? null;
  if (!relevant) return null;
  // Staff read what the hospital confirmed; only the hospital's coordinator confirms.
  if (mayConfirm !== true && !result) return null;
  // No interpreter holds the visit (a no-show is on record, or it reopened): nothing to confirm.
  if (dispatch.isSuccess && !dispatch.data) return null;
  const over = dispatch.data ? new Date(dispatch.data.endsAt).getTime() <= Date.now() : false;
  return (
    <Card component="section" aria-label={translate('app.visit_confirmation.title')}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.visit_confirmation.title')}
        </Typography>
        {dispatch.isPending && <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}
        {dispatch.error && <Alert severity="error">{dispatch.error.message}</Alert>}
        {dispatch.isSuccess && !dispatch.data && (
          <Typography color="text.secondary">{translate('app.visit_confirmation.no_dispatch')}</Typography>
        )}
        {result && <ConfirmationResult result={result} />}
        {!result && dispatch.data && !over && (
          <Typography color="text.secondary">{translate('app.visit_confirmation.not_yet')}</Typography>
        )}
        {saved.error && <Alert severity="error">{saved.error.message}</Alert>}
        {!result && saved.isSuccess && dispatch.data && over && (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('app.visit_confirmation.hint')}
            </Typography>
            <Button variant="contained" startIcon={<FactCheckIcon />} onClick={() => setOpen(true)}>
              {translate('app.visit_confirmation.open')}
            </Button>
          </>
        )}
      </CardContent>
      {open && dispatch.data && (
        <ConfirmDialog
          dispatch={dispatch.data}
          onClose={() => setOpen(false)}
          onDone={(confirmed) => {
            setResult(confirmed);
            setOpen(false);
            notify('app.visit_confirmation.done', { type: 'success' });
            refresh();
          }}
        />
      )}
    </Card>
  );
};
