import {
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { DetailList, DetailRow } from '../../layout/DetailList';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { useApiAction } from '../../lib/use-api-action';
import { enumKey } from '../../lib/workflow-choices';
import { isUndelivered, MAIL_STATUS_COLOR, type MailRecord } from './types';

/** One mail as it was written: who to, when, its state, and the plain-text body; an undelivered one can be re-sent. */
export const MailDialog = ({ mail, onClose }: { mail: MailRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const field = (name: string) => translate(`resources.mail.fields.${name}`);
  const notify = useNotify();
  const resend = useApiAction<{ id: string }>((body) => `/mail/${body.id}/resend`, {
    onSuccess: () => {
      notify('app.mail.resent', { type: 'success' });
      onClose();
    },
  });
  return (
    <Dialog
      open={mail !== null}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      fullScreen={fullScreen}
      aria-labelledby="mail-dialog-title"
    >
      {mail && (
        <>
          <DialogTitle id="mail-dialog-title">{mail.subject}</DialogTitle>
          <DialogContent dividers>
            <DetailList sx={{ mb: 2 }}>
              <DetailRow label={field('to')}>{mail.to}</DetailRow>
              <DetailRow label={field('createdAt')}>{formatDateTime(mail.createdAt, locale)}</DetailRow>
              <DetailRow label={field('status')}>
                <Chip
                  size="small"
                  color={MAIL_STATUS_COLOR[mail.status]}
                  label={translate(enumKey('mail_status', mail.status))}
                />
              </DetailRow>
              {mail.sentAt && <DetailRow label={field('sentAt')}>{formatDateTime(mail.sentAt, locale)}</DetailRow>}
              <DetailRow label={field('template')}>
                {translate(enumKey('mail_template', mail.template), { _: mail.template })}
              </DetailRow>
              <DetailRow label={field('locale')}>
                {translate(`app.locale.${mail.locale}`, { _: mail.locale })}
              </DetailRow>
              {mail.attempts > 0 && <DetailRow label={field('attempts')}>{mail.attempts}</DetailRow>}
              {mail.lastError && <DetailRow label={field('lastError')}>{mail.lastError}</DetailRow>}
              {mail.usefulUntil && (
                <DetailRow label={field('usefulUntil')}>{formatDateTime(mail.usefulUntil, locale)}</DetailRow>
              )}
              {mail.purgedAt && (
                <DetailRow label={field('purgedAt')}>{formatDateTime(mail.purgedAt, locale)}</DetailRow>
              )}
              {mail.attachments.length > 0 && (
                <DetailRow label={field('attachments')}>
                  {mail.attachments.map((a) => `${a.filename} (${Math.ceil(a.size / 1024)} KB)`).join(', ')}
                </DetailRow>
              )}
            </DetailList>
            <Typography
              component="pre"
              data-testid="mail-body"
              sx={{
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                fontFamily: 'inherit',
                fontSize: '0.95rem',
                m: 0,
                p: 2,
                bgcolor: 'action.hover',
                borderRadius: 1,
              }}
            >
              {mail.textBody}
            </Typography>
          </DialogContent>
          <DialogActions>
            {isUndelivered(mail) && !mail.purgedAt && (
              <Button variant="contained" disabled={resend.isPending} onClick={() => resend.mutate({ id: mail.id })}>
                {translate('app.mail.resend')}
              </Button>
            )}
            <Button onClick={onClose}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
};
