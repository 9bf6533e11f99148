import type { DispatchView } from '@app/domain/model';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Alert, Button } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import { needsReconfirmation } from '../../my/owed';

/**
 * In the reconfirmation window, until the volunteer answers: "still coming?" and the button that
 * says yes (POST /api/dispatches/:id/reconfirm), the panel's twin of the reconfirmation mail's link.
 */
export const ReconfirmPrompt = ({
  dispatch,
  now,
}: {
  dispatch: Pick<DispatchView, 'id' | 'status' | 'startsAt' | 'reconfirmedAt'>;
  now: Date;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const reconfirm = useApiAction<{ id: string }>((body) => `/dispatches/${body.id}/reconfirm`, {
    onSuccess: () => notify('app.reconfirm.done', { type: 'success' }),
  });
  if (!needsReconfirmation(dispatch, now) || reconfirm.isSuccess) return null;
  return (
    <Alert severity="warning" data-testid="reconfirm-prompt" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      {translate('app.reconfirm.hint')}
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
        {translate('app.reconfirm.action')}
      </Button>
    </Alert>
  );
};
