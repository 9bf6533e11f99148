import { type DispatchView, isLiveDispatch, visitHappened } from '@app/domain/model';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Box, Button, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { pastReportState } from '../../my/owed';

const CHIP = {
  owed: { color: 'error', variant: 'filled' },
  submitted: { color: 'info', variant: 'outlined' },
  reviewed: { color: 'success', variant: 'outlined' },
} as const;

const BUTTON = { owed: 'write', submitted: 'edit', reviewed: 'read' } as const;

/** Where a past visit's report stands, said on its card: owed (and the way to write it), filed, reviewed. */
export const ReportStateChip = ({ dispatch }: { dispatch: Pick<DispatchView, 'report'> }) => {
  const translate = useTranslate();
  const state = pastReportState(dispatch);
  if (state === 'none') return null;
  return (
    <Chip
      size="small"
      data-testid="report-state"
      data-state={state}
      color={CHIP[state].color}
      variant={CHIP[state].variant}
      label={translate(`app.report_state.${state}`)}
    />
  );
};

/** The card's action for the report: a prominent "write" when owed, a quiet link once filed. */
export const PastReportAction = ({ dispatch }: { dispatch: DispatchView }) => {
  const translate = useTranslate();
  const state = pastReportState(dispatch);
  if (state === 'none') {
    if (!isLiveDispatch(dispatch.status)) return null;
    if (!visitHappened(dispatch))
      return (
        <Typography variant="body2" color="text.secondary">
          {translate('app.reports.not_yet')}
        </Typography>
      );
    // The report's state is unknown (a shadow's dispatch has none): the form itself says where it stands.
    return dispatch.role === 'primary' ? (
      <Button startIcon={<EditNoteIcon />} component={RouterLink} to={`/dispatches/${dispatch.id}/report`}>
        {translate('app.reports.open')}
      </Button>
    ) : null;
  }
  return (
    <Box>
      <Button
        variant={state === 'owed' ? 'contained' : 'text'}
        color={state === 'owed' ? 'error' : 'primary'}
        size={state === 'owed' ? 'large' : 'medium'}
        startIcon={<EditNoteIcon />}
        component={RouterLink}
        to={`/dispatches/${dispatch.id}/report`}
        sx={{ minHeight: 44 }}
      >
        {translate(`app.report_state.${BUTTON[state]}`)}
      </Button>
    </Box>
  );
};
