import type { DispatchView } from '@app/domain/model';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';

/** For staff and the hospital: whether the interpreter of a confirmed visit has reconfirmed (and when). */
export const ReconfirmedChip = ({
  dispatch,
}: {
  dispatch: Pick<DispatchView, 'status' | 'reconfirmedAt'> & Partial<Pick<DispatchView, 'rescheduledFrom'>>;
}) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  if (dispatch.status !== 'confirmed') return null;
  const done = !!dispatch.reconfirmedAt;
  // Moved by the hospital and not yet answered: the interpreter is being asked about the new time.
  const moved = !done && !!dispatch.rescheduledFrom;
  return (
    <Chip
      component="span"
      size="small"
      variant={done ? 'outlined' : 'filled'}
      color={done ? 'success' : 'warning'}
      data-testid="reconfirmation"
      data-reconfirmed={done ? 'true' : 'false'}
      data-moved={moved ? 'true' : undefined}
      title={
        dispatch.reconfirmedAt
          ? formatDateTime(dispatch.reconfirmedAt, locale)
          : moved
            ? translate('app.reconfirm.moved_from', { from: formatDateTime(dispatch.rescheduledFrom!, locale) })
            : undefined
      }
      label={translate(
        done ? 'app.reconfirm.reconfirmed' : moved ? 'app.reconfirm.move_pending' : 'app.reconfirm.not_reconfirmed',
      )}
    />
  );
};
