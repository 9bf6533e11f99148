import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** Active / inactive as a chip, so a deactivated account stands out in the list. */
export const ActiveField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ active?: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return record.active ? (
    <Chip size="small" color="success" variant="outlined" label={translate('app.users.active')} />
  ) : (
    <Chip size="small" color="default" label={translate('app.users.inactive')} />
  );
};
