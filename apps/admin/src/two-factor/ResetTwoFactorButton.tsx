import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import { Button, Confirm, useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { apiClient } from '../providers';

/** An admin's reset of a staff member's or admin's two-factor sign-in (a lost phone), after a confirmation. */
export const ResetTwoFactorButton = () => {
  const record = useRecordContext<{ id: string; role: string; displayName: string }>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (
    !record ||
    record.id === identity?.id ||
    (record.role !== 'staff' && record.role !== 'admin') ||
    identity?.role !== 'admin'
  )
    return null;
  const reset = async () => {
    setBusy(true);
    try {
      await apiClient.request(`/users/${encodeURIComponent(record.id)}/2fa/reset`, { method: 'POST' });
      notify('app.two_factor.reset_done', { type: 'success' });
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="app.two_factor.reset" onClick={() => setOpen(true)} color="warning">
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('app.two_factor.reset_confirm_title', { name: record.displayName })}
        content={translate('app.two_factor.reset_confirm_content')}
        onConfirm={() => void reset()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
