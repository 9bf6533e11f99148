import type { DispatchView } from '@app/domain/model';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Alert, Button } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import { formatDateTime } from '@app/domain/model';
import { awaitsMoveAnswer, needsReconfirmation, type Reconfirmable } from '../../my/owed';
import { useDisplayLocale } from '../../lib/use-display-locale';

/**
 * In the reconfirmation window, or once the hospital moved the visit, until the volunteer answers:
 * "still coming?" (or "can you make the new time?") and the button that says yes (POST /api/dispatches/:id/reconfirm), the panel's twin of the reconfirmation mail's link.
 */
export const ReconfirmPrompt = ({
  dispatch,
  now,
}: {
  dispatch: Pick<DispatchView, 'id' | 'rescheduledFrom'> & Reconfirmable;
  now: Date;
}) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const notify = useNotify();
  const reconfirm = useApiAction<{ id: string }>((body) => `/dispatches/${body.id}/reconfirm`, {
    onSuccess: () => notify('app.reconfirm.done', { type: 'success' }),
  });
  if (!needsReconfirmation(dispatch, now) || reconfirm.isSuccess) return null;
  return (
    <Alert severity="warning" data-testid="reconfirm-prompt" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      {awaitsMoveAnswer(dispatch) && dispatch.rescheduledFrom
        ? translate('app.reconfirm.moved_hint', { from: formatDateTime(dispatch.rescheduledFrom, locale) })
        : translate('app.reconfirm.hint')}
      <Button
        variant="contained"
        color="primary"
        size="large"
        fullWidth
        startIcon={<EventAvailableIcon />}
        disabled={reconfirm.isPending}
        onClick={() => reconfirm.mutate({ id: dispatch.id })}
        sx={{ mt: 1 }}
      >
        {translate(awaitsMoveAnswer(dispatch) ? 'app.reconfirm.moved_action' : 'app.reconfirm.action')}
      </Button>
    </Alert>
  );
};
