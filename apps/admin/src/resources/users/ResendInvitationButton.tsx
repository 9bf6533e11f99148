import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { apiClient } from '../../providers';

/**
 * 「招待を再送」: a new invitation mail for a user who never set a password (the link lapsed or
 * got lost); the earlier link stops working. The API refuses a user who has a password (409
 * PASSWORD_ALREADY_SET: they reset it themselves) and a deactivated one, and the notice says so.
 */
export const ResendInvitationButton = () => {
  const record = useRecordContext<{ id: string; displayName: string; active: boolean }>();
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !record.active) return null;
  const resend = async () => {
    setBusy(true);
    try {
      await apiClient.request(`/users/${encodeURIComponent(record.id)}/invitation`, { method: 'POST' });
      notify('app.invitation.resent', { type: 'success' });
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="app.invitation.resend" onClick={() => setOpen(true)}>
        <ForwardToInboxIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('app.invitation.resend_confirm_title', { name: record.displayName })}
        content={translate('app.invitation.resend_confirm_content')}
        onConfirm={() => void resend()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
