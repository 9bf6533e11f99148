import { Alert, Box, Chip, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatDate, formatTimeRange } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { apiClient } from '../../providers';

/** GET /api/volunteers/:id/training and /api/volunteers/me/training (TrainingStandingView). */
export interface TrainingStandingRecord {
  volunteerId: string;
  attendance: {
    courseId: string;
    title: string;
    kind: string;
    startsAt: string;
    endsAt: string;
    hours: number;
    status: string;
  }[];
  ruleMet: boolean;
  validUntil: string | null;
  missing: string[];
  initialCompletedOn: string | null;
  lastSkillUpOn: string | null;
}

const STATUS_COLOR: Record<string, 'success' | 'default' | 'warning'> = {
  attended: 'success',
  registered: 'default',
  absent: 'warning',
};

/** A Tokyo calendar day (YYYY-MM-DD) the Japanese way. */
const day = (date: string, locale: 'ja' | 'en') => formatDate(`${date}T12:00:00+09:00`, locale);

const Line = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 160 }}>
      {label}
    </Typography>
    <Typography variant="body2">{children}</Typography>
  </Box>
);

/** Whether the training rule is met, until when, what is missing, and every course attended or booked. */
export const TrainingStandingView = ({ standing }: { standing: TrainingStandingRecord }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <Box sx={{ display: 'grid', gap: 1 }} data-testid="training-standing">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="span" sx={{ fontWeight: 500 }}>
          {translate('app.registry.training.standing')}
        </Typography>
        <Chip
          size="small"
          color={standing.ruleMet ? 'success' : 'error'}
          label={translate(standing.ruleMet ? 'app.registry.training.rule_met' : 'app.registry.training.rule_not_met')}
          data-testid="training-rule"
        />
        <Typography variant="body2" data-testid="training-valid-until">
          {standing.validUntil
            ? translate('app.registry.training.valid_until', { date: day(standing.validUntil, locale) })
            : translate('app.registry.training.no_valid_until')}
        </Typography>
      </Box>
      {standing.missing.length > 0 && (
        <Alert severity="warning">
          {translate('app.registry.training.missing')}:{' '}
          {standing.missing
            .map((item) => translate(`app.registry.training.missing_items.${item}`, { _: item }))
            .join('、')}
        </Alert>
      )}
      <Line label={translate('app.registry.training.initial_completed')}>
        {standing.initialCompletedOn ? day(standing.initialCompletedOn, locale) : '—'}
      </Line>
      <Line label={translate('app.registry.training.last_skill_up')}>
        {standing.lastSkillUpOn ? day(standing.lastSkillUpOn, locale) : '—'}
      </Line>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        {translate('app.registry.training.history')}
      </Typography>
      {standing.attendance.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.registry.training.empty')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
          {[...standing.attendance]
            .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
            .map((entry) => (
              <Box
                component="li"
                key={entry.courseId}
                data-testid="training-entry"
                sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}
              >
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography sx={{ fontWeight: 500 }}>{entry.title}</Typography>
                  <Chip
                    size="small"
                    color={STATUS_COLOR[entry.status] ?? 'default'}
                    label={translate(`app.registry.training.status.${entry.status}`, { _: entry.status })}
                  />
                </Box>
                <Typography variant="body2" color="text.secondary">
                  {formatTimeRange(entry.startsAt, entry.endsAt, locale)} ·{' '}
                  {translate(`app.registry.training.kind.${entry.kind}`, { _: entry.kind })} ·{' '}
                  {translate('app.registry.training.hours', { hours: entry.hours })}
                </Typography>
              </Box>
            ))}
        </Box>
      )}
    </Box>
  );
};

/** The standing loaded from `path`, with loading and error states. */
export const TrainingStanding = ({ path }: { path: string }) => {
  const query = useQuery({
    queryKey: ['training', path],
    queryFn: () => apiClient.request<TrainingStandingRecord>(path),
  });
  if (query.isPending) return <LinearProgress />;
  if (query.error) return <Alert severity="error">{query.error.message}</Alert>;
  return <TrainingStandingView standing={query.data} />;
};
