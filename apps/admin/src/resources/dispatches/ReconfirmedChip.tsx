import type { DispatchView } from '@app/domain/model';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';

/** For staff and the hospital: whether the interpreter of a confirmed visit has reconfirmed (and when). */
export const ReconfirmedChip = ({ dispatch }: { dispatch: Pick<DispatchView, 'status' | 'reconfirmedAt'> }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  if (dispatch.status !== 'confirmed') return null;
  const done = !!dispatch.reconfirmedAt;
  return (
    <Chip
      component="span"
      size="small"
      variant={done ? 'outlined' : 'filled'}
      color={done ? 'success' : 'warning'}
      data-testid="reconfirmation"
      data-reconfirmed={done ? 'true' : 'false'}
      title={dispatch.reconfirmedAt ? formatDateTime(dispatch.reconfirmedAt, locale) : undefined}
      label={translate(done ? 'app.reconfirm.reconfirmed' : 'app.reconfirm.not_reconfirmed')}
    />
  );
};
