import { Chip, useMediaQuery, type Theme } from '@mui/material';
import { useState } from 'react';
import {
  usePermissions,
  BooleanInput,
  CanAccess,
  Datagrid,
  FunctionField,
  List,
  Pagination,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin';
import { isStaff, type Role } from '../../access';
import { AccessDenied } from '../../layout/AccessDenied';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { choices, enumKey } from '../../lib/workflow-choices';
import { MailDialog } from './MailDialog';
import { MAIL_STATUS_COLOR, MAIL_STATUSES, MAIL_TEMPLATES, type MailRecord } from './types';

const filters = [
  <SelectInput key="status" source="status" choices={choices('mail_status', MAIL_STATUSES)} alwaysOn />,
  <TextInput key="to" source="to" type="email" alwaysOn />,
  <SelectInput key="template" source="template" choices={choices('mail_template', MAIL_TEMPLATES)} />,
  <BooleanInput key="undelivered" source="undelivered" alwaysOn />,
];

const StatusChip = ({ mail }: { mail: MailRecord }) => {
  const translate = useTranslate();
  return (
    <Chip size="small" color={MAIL_STATUS_COLOR[mail.status]} label={translate(enumKey('mail_status', mail.status))} />
  );
};

/**
 * The mail the app wrote, newest first (メール): staff see everyone's with the links' tokens
 * hidden, everyone else their own mail with working links; without SMTP the demo keeps every mail
 * here. A click opens the mail; the API has no single-mail route, so the row itself is shown.
 */
const MailListContent = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState<MailRecord | null>(null);
  // Staff work the outbox (whose mail, delivered or not); everyone else just reads their own.
  const staff = isStaff(usePermissions<Role>().permissions);
  const show = (_id: unknown, _resource: unknown, record: unknown) => {
    setOpen(record as MailRecord);
    return false as const;
  };
  return (
    <>
      <List
        filters={staff ? filters : undefined}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        exporter={false}
        empty={false}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      >
        {isSmall ? (
          <SimpleList<MailRecord>
            primaryText={(mail) => mail.subject}
            secondaryText={(mail) => `${mail.to} · ${formatDateTime(mail.createdAt, locale)}`}
            tertiaryText={(mail) => (staff ? translate(enumKey('mail_status', mail.status)) : undefined)}
            rowClick={show}
          />
        ) : (
          <Datagrid rowClick={show} bulkActionButtons={false}>
            <FunctionField<MailRecord> source="createdAt" render={(mail) => formatDateTime(mail.createdAt, locale)} />
            <TextField source="to" sortable={false} />
            <TextField source="subject" sortable={false} />
            <FunctionField<MailRecord>
              source="template"
              sortable={false}
              render={(mail) => translate(enumKey('mail_template', mail.template), { _: mail.template })}
            />
            <FunctionField<MailRecord> source="status" sortable={false} render={(mail) => <StatusChip mail={mail} />} />
          </Datagrid>
        )}
      </List>
      <MailDialog mail={open} onClose={() => setOpen(null)} />
    </>
  );
};

/** Mounted only for roles that may read it: react-admin's own guard would still send the list request. */
export const MailList = () => (
  <CanAccess resource="mail" action="list" accessDenied={<AccessDenied />}>
    <MailListContent />
  </CanAccess>
);
