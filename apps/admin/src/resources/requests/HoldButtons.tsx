import { isOffering } from '@app/domain/model';
import PauseCircleIcon from '@mui/icons-material/PauseCircleOutline';
import PlayCircleIcon from '@mui/icons-material/PlayCircleOutline';
import { Button } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import type { RequestRecord } from './fields';

/**
 * Hold a request back from automatic offers (staff), or release it: what the hold kept back goes
 * out then. Staff release any held request; a coordinator the draft they filed on hold (the API
 * refuses another's).
 */
export const HoldButtons = () => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const hold = useCanAccess({ resource: 'requests', action: 'hold' });
  const release = useCanAccess({ resource: 'requests', action: 'release' });
  const change = useApiAction<{ id: string; onHold: boolean }>(
    (body) => `/requests/${body.id}/${body.onHold ? 'hold' : 'release'}`,
    {
      onSuccess: (_result, body) =>
        notify(body.onHold ? 'app.desk.hold.held' : 'app.desk.hold.released', { type: 'success' }),
    },
  );
  if (!record || !isOffering(record.status)) return null;
  if (record.onHold) {
    if (!release.canAccess) return null;
    return (
      <Button
        variant="contained"
        color="primary"
        startIcon={<PlayCircleIcon />}
        disabled={change.isPending}
        onClick={() => change.mutate({ id: record.id, onHold: false })}
      >
        {translate('app.desk.hold.release')}
      </Button>
    );
  }
  if (!hold.canAccess) return null;
  return (
    <Button
      variant="outlined"
      startIcon={<PauseCircleIcon />}
      disabled={change.isPending}
      onClick={() => change.mutate({ id: record.id, onHold: true })}
    >
      {translate('app.desk.hold.hold')}
    </Button>
  );
};
