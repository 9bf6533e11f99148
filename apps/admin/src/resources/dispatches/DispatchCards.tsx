import type { DispatchView } from '@app/domain/model';
import PersonIcon from '@mui/icons-material/Person';
import { Box, Button, Card, CardActions, CardContent, Chip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { formatTimeRange } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { pastOutcome } from '../../my/owed';
import { apiClient } from '../../providers';
import { CantGoButton } from './CantGoButton';
import { DispatchCalendarButton } from './DispatchCalendarButton';
import { PastReportAction, ReportStateChip } from './PastReportAction';
import { PracticumSection, ShadowOfLine, TraineeFeedbackSection } from './PracticumSection';
import { ReconfirmPrompt } from './ReconfirmPrompt';
import { VisitDetailsSection } from './VisitDetailsSection';

/** Patient details only as the API returns them (GET /api/dispatches/:id, read on request). */
const PatientDetails = ({ dispatchId }: { dispatchId: string }) => {
  const translate = useTranslate();
  const [shown, setShown] = useState(false);
  const { data } = useQuery({
    queryKey: ['dispatches', dispatchId, 'one'],
    queryFn: () => apiClient.request<DispatchView>(`/dispatches/${dispatchId}`),
    enabled: shown,
  });
  if (!shown)
    return (
      <Button size="small" startIcon={<PersonIcon />} onClick={() => setShown(true)}>
        {translate('app.dispatches.show_patient')}
      </Button>
    );
  if (!data) return <Loading />;
  if (!data.patient)
    return <Typography color="text.secondary">{translate('app.dispatches.patient_hidden')}</Typography>;
  const p = data.patient;
  return (
    <Typography data-testid="dispatch-patient">
      {translate('app.dispatches.patient')}: {p.displayName}（{translate(enumKey('patient_gender', p.gender))} ·{' '}
      {translate(enumKey('age_band', p.ageBand))}）
    </Typography>
  );
};

/** Status, role and (for a confirmed visit) whether it is reconfirmed, as chips. */
const Chips = ({ dispatch }: { dispatch: DispatchView }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1, mb: 1, flexWrap: 'wrap' }}>
      <Chip
        size="small"
        color={dispatch.status === 'confirmed' ? 'success' : 'default'}
        label={translate(enumKey('dispatch_status', dispatch.status))}
      />
      <RoleChip dispatch={dispatch} />
      {dispatch.status === 'confirmed' && dispatch.reconfirmedAt && (
        <Chip
          size="small"
          color="success"
          variant="outlined"
          data-testid="reconfirmed"
          label={translate('app.reconfirm.reconfirmed')}
        />
      )}
    </Box>
  );
};

const RoleChip = ({ dispatch }: { dispatch: DispatchView }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate(`app.dispatches.role.${dispatch.role}`)} />;
};

/**
 * A past visit's chips: how it ended in words (done, who did not come, who called it off) — none
 * while it is still "confirmed", which says nothing once its time has come — and its report's state.
 */
const PastChips = ({ dispatch }: { dispatch: DispatchView }) => {
  const translate = useTranslate();
  const outcome = pastOutcome(dispatch);
  return (
    <Box sx={{ display: 'flex', gap: 1, mb: 1, flexWrap: 'wrap' }}>
      {outcome && (
        <Chip
          size="small"
          data-testid="past-outcome"
          data-outcome={outcome}
          color={outcome === 'completed' ? 'success' : 'default'}
          variant={outcome === 'completed' ? 'outlined' : 'filled'}
          label={translate(`app.past_outcome.${outcome}`)}
        />
      )}
      <ReportStateChip dispatch={dispatch} />
      <RoleChip dispatch={dispatch} />
    </Box>
  );
};

/** When, in which language, for which department and kind of visit. */
const When = ({ dispatch, large }: { dispatch: DispatchView; large?: boolean }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const t = (group: string, value: string) => translate(enumKey(group, value));
  return (
    <>
      <Typography
        variant={large ? 'h6' : 'subtitle1'}
        component="p"
        sx={{ fontSize: large ? '1.1rem' : undefined, fontWeight: 500 }}
      >
        {formatTimeRange(dispatch.startsAt, dispatch.endsAt, locale)}
      </Typography>
      <Typography sx={{ mb: 1 }}>
        {t('language', dispatch.language)}
        {dispatch.visit &&
          ` · ${t('department', dispatch.visit.department)} · ${t('visit_type', dispatch.visit.visitType)} · ${t('mode', dispatch.visit.mode)}`}
      </Typography>
    </>
  );
};

/**
 * A confirmed visit to come, with everything for the day: when, where (map), whom to call, the
 * hospital's notes, the number or link of a remote visit; reconfirm when asked, add it to a
 * calendar, or say "I can't go".
 */
export const UpcomingDispatchCard = ({
  dispatch,
  now,
  onCancelled,
}: {
  dispatch: DispatchView;
  now: Date;
  onCancelled?: () => void;
}) => (
  <Card component="article" data-testid="dispatch" data-dispatch-id={dispatch.id}>
    <CardContent sx={{ display: 'grid', gap: 1.5, px: { xs: 1.5, sm: 2 } }}>
      <Box>
        <Chips dispatch={dispatch} />
        <When dispatch={dispatch} large />
        <ShadowOfLine dispatch={dispatch} />
      </Box>
      <ReconfirmPrompt dispatch={dispatch} now={now} />
      {dispatch.visit && <VisitDetailsSection visit={dispatch.visit} />}
      <Box>
        <PatientDetails dispatchId={dispatch.id} />
      </Box>
    </CardContent>
    <CardActions
      sx={{ px: { xs: 1.5, sm: 2 }, pb: 2, gap: 1, flexWrap: 'wrap', '& > :not(style) ~ :not(style)': { ml: 0 } }}
    >
      <DispatchCalendarButton dispatch={dispatch} />
      <CantGoButton dispatch={dispatch} now={now} onDone={onCancelled} />
    </CardActions>
  </Card>
);

/** A visit that has started: where its report stands, and the way to write or read it. */
export const PastDispatchCard = ({ dispatch }: { dispatch: DispatchView }) => {
  const owed = dispatch.report === 'missing';
  return (
    <Card
      component="article"
      data-testid="past-dispatch"
      data-dispatch-id={dispatch.id}
      variant="outlined"
      sx={owed ? { borderColor: 'error.main', borderWidth: 2 } : undefined}
    >
      <CardContent sx={{ pb: 1, px: { xs: 1.5, sm: 2 } }}>
        <PastChips dispatch={dispatch} />
        <When dispatch={dispatch} />
        <ShadowOfLine dispatch={dispatch} />
        {dispatch.visit && (
          <Typography variant="body2" color="text.secondary">
            {dispatch.visit.hospitalName}
          </Typography>
        )}
      </CardContent>
      {/* Nothing to do on a called-off visit: no empty band under it. */}
      <CardActions sx={{ px: { xs: 1.5, sm: 2 }, pb: 2, '&:empty': { display: 'none' } }}>
        {dispatch.role === 'shadow' ? (
          <PracticumSection dispatch={dispatch} />
        ) : (
          <PastReportAction dispatch={dispatch} />
        )}
      </CardActions>
      {dispatch.shadowTrainee && (
        <CardContent sx={{ pt: 0, px: { xs: 1.5, sm: 2 } }}>
          <TraineeFeedbackSection dispatch={dispatch} />
        </CardContent>
      )}
    </Card>
  );
};
