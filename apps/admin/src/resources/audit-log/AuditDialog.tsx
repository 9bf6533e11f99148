import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceField, TextField, useTranslate } from 'react-admin';
import { formatDateTime } from '../../lib/dates';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { ActorRole } from './ActorRole';
import type { AuditRecord } from './types';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </>
);

/** One audit line in full: when, who (name and role), what, on which object, from where, and its details. */
export const AuditDialog = ({ entry, onClose }: { entry: AuditRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const field = (name: string) => translate(`resources.audit-log.fields.${name}`);
  return (
    <Dialog open={entry !== null} onClose={onClose} fullWidth maxWidth="sm" fullScreen={fullScreen} aria-labelledby="audit-dialog-title">
      {entry && (
        <>
          <DialogTitle id="audit-dialog-title">{entry.action}</DialogTitle>
          <DialogContent dividers>
            <Box component="dl" data-testid="audit-entry" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.5, m: 0 }}>
              <Row label={field('at')}>{formatDateTime(entry.at, locale)}</Row>
              <Row label={field('actor')}>
                {entry.actorId ? (
                  <ReferenceField record={entry} source="actorId" reference="users" link={false}>
                    <TextField source="displayName" />
                  </ReferenceField>
                ) : (
                  '—'
                )}
              </Row>
              <Row label={field('actorRole')}>
                <ActorRole role={entry.actorRole} />
              </Row>
              <Row label={field('action')}>{entry.action}</Row>
              <Row label={field('objectType')}>{entry.objectType ?? '—'}</Row>
              <Row label={field('objectId')}>{entry.objectId ?? '—'}</Row>
              <Row label={field('requestId')}>{entry.requestId ?? '—'}</Row>
              <Row label={field('ip')}>{entry.ip ?? '—'}</Row>
              {Object.entries(entry.details ?? {}).map(([key, value]) => (
                <Row key={key} label={`${field('details')}: ${key}`}>
                  {value === null ? '—' : String(value)}
                </Row>
              ))}
            </Box>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
};
