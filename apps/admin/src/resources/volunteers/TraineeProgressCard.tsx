import { formatDate, type TraineeProgressView } from '@app/domain/model';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { apiClient } from '../../providers';

/** Staff record the promotion to standard, with the reason the audit log keeps. */
const PromoteDialog = ({ progress, onClose }: { progress: TraineeProgressView; onClose: () => void }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const promote = useApiAction<{ id: string; level: 'standard'; reason: string }>(
    (body) => `/volunteers/${body.id}/level`,
    { onSuccess: onClose },
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('app.shadowing.promote_title', { name: progress.displayName })}</DialogTitle>
      <DialogContent>
        <TextField
          fullWidth
          multiline
          required
          margin="normal"
          name="reason"
          label={translate('app.shadowing.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!reason.trim() || promote.isPending}
          onClick={() => promote.mutate({ id: progress.volunteerId, level: 'standard', reason: reason.trim() })}
        >
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * A trainee's path to interpreter (GET /api/volunteers/:id/progress): the courses attended, the
 * shadow visits with their practicum records, whether the promotion rule is met, and (staff) the
 * promotion.
 */
export const TraineeProgressCard = ({
  volunteerId,
  canPromote,
  heading,
}: {
  volunteerId: string;
  canPromote: boolean;
  /** A title above the card (the volunteer's own page, where it shows only for a trainee). */
  heading?: string;
}) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const [promoting, setPromoting] = useState(false);
  const { data, error, refetch } = useQuery({
    queryKey: ['volunteers', volunteerId, 'progress'],
    queryFn: () => apiClient.request<TraineeProgressView>(`/volunteers/${volunteerId}/progress`),
  });
  if (error) return <Alert severity="error">{error.message}</Alert>;
  // The volunteer's own page shows the path only while they are a trainee.
  if (!data || (!canPromote && data.level !== 'trainee')) return null;
  const { rule } = data;
  return (
    <Box sx={{ display: 'grid', gap: 1 }} data-testid="trainee-progress">
      {heading && (
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          {translate(heading)}
        </Typography>
      )}
      <Alert severity={data.promotionRuleMet ? 'success' : 'info'} data-testid="promotion-rule">
        {translate(data.promotionRuleMet ? 'app.shadowing.rule_met' : 'app.shadowing.rule_not_met')}
        {' — '}
        {translate('app.shadowing.rule', {
          initial: rule.requireInitialCourse ? (rule.initialCourseAttended ? ' ✓' : ' ✗') : '',
          have: rule.reviewedShadowVisits,
          need: rule.reviewedShadowVisitsRequired,
        })}
      </Alert>
      <Typography variant="subtitle2">{translate('app.shadowing.courses')}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {data.courses.map((c) => (
          <Chip key={c.courseId} size="small" label={`${c.title}（${formatDate(c.startsAt, locale)}）`} />
        ))}
      </Box>
      <Typography variant="subtitle2">{translate('app.shadowing.shadow_visits')}</Typography>
      <List dense disablePadding>
        {data.shadowVisits.map((v) => (
          <ListItem key={v.dispatchId} divider disableGutters>
            <ListItemText
              primary={`${formatDate(v.startsAt, locale)} · ${v.hospitalName}`}
              secondary={v.interpreterName ? translate('app.shadowing.interpreter', { name: v.interpreterName }) : null}
            />
            <Chip
              size="small"
              color={v.practicum === 'reviewed' ? 'success' : 'default'}
              label={translate(`app.shadowing.practicum_state.${v.practicum}`)}
            />
          </ListItem>
        ))}
      </List>
      {canPromote && data.level === 'trainee' && (
        <Box>
          <Button variant={data.promotionRuleMet ? 'contained' : 'outlined'} onClick={() => setPromoting(true)}>
            {translate('app.shadowing.promote')}
          </Button>
        </Box>
      )}
      {promoting && (
        <PromoteDialog
          progress={data}
          onClose={() => {
            setPromoting(false);
            void refetch();
          }}
        />
      )}
    </Box>
  );
};
