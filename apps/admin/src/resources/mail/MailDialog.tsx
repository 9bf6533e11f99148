import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../lib/dates';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { MAIL_STATUS_COLOR, type MailRecord } from './types';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </>
);

/** One mail as it was written: who to, when, its state, and the plain-text body. */
export const MailDialog = ({ mail, onClose }: { mail: MailRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const field = (name: string) => translate(`resources.mail.fields.${name}`);
  return (
    <Dialog open={mail !== null} onClose={onClose} fullWidth maxWidth="md" fullScreen={fullScreen} aria-labelledby="mail-dialog-title">
      {mail && (
        <>
          <DialogTitle id="mail-dialog-title">{mail.subject}</DialogTitle>
          <DialogContent dividers>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.5, m: 0, mb: 2 }}>
              <Row label={field('to')}>{mail.to}</Row>
              <Row label={field('createdAt')}>{formatDateTime(mail.createdAt, locale)}</Row>
              <Row label={field('status')}>
                <Chip size="small" color={MAIL_STATUS_COLOR[mail.status]} label={translate(enumKey('mail_status', mail.status))} />
              </Row>
              {mail.sentAt && <Row label={field('sentAt')}>{formatDateTime(mail.sentAt, locale)}</Row>}
              <Row label={field('template')}>{translate(enumKey('mail_template', mail.template), { _: mail.template })}</Row>
              <Row label={field('locale')}>{translate(`app.locale.${mail.locale}`, { _: mail.locale })}</Row>
              {mail.attempts > 0 && <Row label={field('attempts')}>{mail.attempts}</Row>}
              {mail.lastError && <Row label={field('lastError')}>{mail.lastError}</Row>}
              {mail.attachments.length > 0 && (
                <Row label={field('attachments')}>{mail.attachments.map((a) => `${a.filename} (${Math.ceil(a.size / 1024)} KB)`).join(', ')}</Row>
              )}
            </Box>
            <Typography component="pre" data-testid="mail-body" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', fontSize: '0.95rem', m: 0, p: 2, bgcolor: 'action.hover', borderRadius: 1 }}>
              {mail.textBody}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
};
