import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { ReferenceField, TextField, useTranslate } from 'react-admin';
import { DetailList, DetailRow } from '../../layout/DetailList';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { ActorRole } from './ActorRole';
import { auditActionLabel, auditObjectLabel } from './audit-labels';
import type { AuditRecord } from './types';

/** One audit line in full: when, who (name and role), what, on which object, from where, and its details. */
export const AuditDialog = ({ entry, onClose }: { entry: AuditRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const field = (name: string) => translate(`resources.audit-log.fields.${name}`);
  return (
    <Dialog
      open={entry !== null}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      fullScreen={fullScreen}
      aria-labelledby="audit-dialog-title"
    >
      {entry && (
        <>
          <DialogTitle id="audit-dialog-title">{auditActionLabel(entry.action, translate)}</DialogTitle>
          <DialogContent dividers>
            <DetailList testId="audit-entry">
              <DetailRow label={field('at')}>{formatDateTime(entry.at, locale)}</DetailRow>
              <DetailRow label={field('actor')}>
                {entry.actorId ? (
                  <ReferenceField record={entry} source="actorId" reference="users" link={false}>
                    <TextField source="displayName" />
                  </ReferenceField>
                ) : (
                  '—'
                )}
              </DetailRow>
              <DetailRow label={field('actorRole')}>
                <ActorRole role={entry.actorRole} />
              </DetailRow>
              <DetailRow label={field('action')}>
                {auditActionLabel(entry.action, translate)}
                {/* The code the action filter takes, exactly. */}
                <Box component="code" sx={{ display: 'block', fontSize: '0.85em', color: 'text.secondary' }}>
                  {entry.action}
                </Box>
              </DetailRow>
              <DetailRow label={field('objectType')}>{auditObjectLabel(entry.objectType, translate)}</DetailRow>
              <DetailRow label={field('objectId')}>{entry.objectId ?? '—'}</DetailRow>
              <DetailRow label={field('requestId')}>{entry.requestId ?? '—'}</DetailRow>
              <DetailRow label={field('ip')}>{entry.ip ?? '—'}</DetailRow>
              {Object.entries(entry.details ?? {}).map(([key, value]) => (
                <DetailRow key={key} label={`${field('details')}: ${key}`}>
                  {value === null ? '—' : String(value)}
                </DetailRow>
              ))}
            </DetailList>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
};
