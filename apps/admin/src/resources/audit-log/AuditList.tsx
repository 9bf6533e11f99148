import { useMediaQuery, type Theme } from '@mui/material';
import { useState } from 'react';
import {
  CanAccess,
  Datagrid,
  FunctionField,
  List,
  Pagination,
  ReferenceField,
  SimpleList,
  TextField,
  useTranslate,
} from 'react-admin';
import { AccessDenied } from '../../layout/AccessDenied';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { ActorRole } from './ActorRole';
import { auditActionLabel, auditObjectLabel } from './audit-labels';
import { AuditDialog } from './AuditDialog';
import { auditFilters } from './filters';
import type { AuditRecord } from './types';

/** The audit trail, newest first (監査ログ, admin only): filtered on the server, a click reads one line. */
const AuditListContent = () => {
  const locale = useDisplayLocale();
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState<AuditRecord | null>(null);
  const show = (_id: unknown, _resource: unknown, record: unknown) => {
    setOpen(record as AuditRecord);
    return false as const;
  };
  return (
    <>
      <List
        filters={auditFilters}
        sort={{ field: 'at', order: 'DESC' }}
        perPage={25}
        exporter={false}
        empty={false}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      >
        {isSmall ? (
          <SimpleList<AuditRecord>
            primaryText={(entry) => auditActionLabel(entry.action, translate)}
            secondaryText={(entry) => formatDateTime(entry.at, locale)}
            rowClick={show}
          />
        ) : (
          <Datagrid rowClick={show} bulkActionButtons={false}>
            <FunctionField<AuditRecord>
              source="at"
              sortable={false}
              render={(entry) => formatDateTime(entry.at, locale)}
            />
            <ReferenceField
              source="actorId"
              reference="users"
              link={false}
              sortable={false}
              emptyText="—"
              label="resources.audit-log.fields.actor"
            >
              <TextField source="displayName" />
            </ReferenceField>
            <FunctionField<AuditRecord>
              source="actorRole"
              sortable={false}
              sx={{ whiteSpace: 'nowrap' }}
              render={(entry) => <ActorRole role={entry.actorRole} />}
            />
            <FunctionField<AuditRecord>
              source="action"
              sortable={false}
              render={(entry) => <span title={entry.action}>{auditActionLabel(entry.action, translate)}</span>}
            />
            <FunctionField<AuditRecord>
              source="objectType"
              sortable={false}
              render={(entry) => auditObjectLabel(entry.objectType, translate)}
            />
            <TextField source="objectId" sortable={false} emptyText="—" />
          </Datagrid>
        )}
      </List>
      <AuditDialog entry={open} onClose={() => setOpen(null)} />
    </>
  );
};

/** Mounted only for roles that may read it: react-admin's own guard would still send the list request. */
export const AuditList = () => (
  <CanAccess resource="audit-log" action="list" accessDenied={<AccessDenied />}>
    <AuditListContent />
  </CanAccess>
);
