import { formatDate, type PracticumView } from '@app/domain/model';
import { Box, Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { apiClient } from '../../providers';

const Line = ({ label, children }: { label: string; children: string | null }) => {
  const translate = useTranslate();
  if (!children) return null;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
      <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
        {translate(label)}:
      </Box>
      {children}
    </Typography>
  );
};

/**
 * The trainees' practicum records waiting for review (GET /api/practicum-reports), above the
 * activity reports' queue: what the trainee observed and would study, the interpreter's feedback.
 */
export const PracticumQueue = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const notify = useNotify();
  const { data, refetch } = useQuery({
    queryKey: ['practicum-reports', 'pending'],
    queryFn: () =>
      apiClient.request<{ data: PracticumView[]; total: number }>('/practicum-reports', {
        query: { reviewStatus: 'pending', perPage: 25 },
      }),
  });
  const review = useApiAction<{ id: string; status: 'reviewed' }>((body) => `/practicum-reports/${body.id}/review`, {
    onSuccess: () => {
      notify('app.shadowing.reviewed', { type: 'success' });
      void refetch();
    },
  });
  if (!data || data.total === 0) return null;
  return (
    <Box
      component="section"
      aria-label={translate('app.shadowing.queue_title')}
      sx={{ mt: 2 }}
      data-testid="practicum-queue"
    >
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.shadowing.queue_title')}
      </Typography>
      <Stack gap={1.5}>
        {data.data.map((p) => (
          <Card key={p.id} variant="outlined" data-testid="practicum">
            <CardContent sx={{ display: 'grid', gap: 0.5 }}>
              <Typography sx={{ fontWeight: 600 }}>
                {p.traineeName} · {formatDate(p.startsAt, locale)}
                {p.interpreterName ? ` · ${translate('app.shadowing.interpreter', { name: p.interpreterName })}` : ''}
              </Typography>
              <Line label="app.shadowing.observed">{p.observed}</Line>
              <Line label="app.shadowing.would_study">{p.wouldStudy}</Line>
              <Line label="app.shadowing.feedback">{p.interpreterFeedback}</Line>
            </CardContent>
            <CardActions>
              <Button
                variant="contained"
                disabled={review.isPending}
                onClick={() => review.mutate({ id: p.id, status: 'reviewed' })}
              >
                {translate('app.shadowing.review')}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Stack>
    </Box>
  );
};
