import { AutocompleteInput, ReferenceInput, TextInput } from 'react-admin';
import { tokyoDateAfter, tokyoDateOf, tokyoDayStart } from '../../lib/tokyo-input';

/** The API's `to` is exclusive: "up to this day" is the start of the next Tokyo day. */
const nextDayStart = (date: string) => tokyoDayStart(tokyoDateAfter(new Date(tokyoDayStart(date)), 1));
const dayBefore = (iso: string) => tokyoDateOf(new Date(new Date(iso).getTime() - 1));

/** The filters GET /api/audit-log takes: actor, action, object type and id, and a Tokyo date range. */
export const auditFilters = [
  <TextInput key="action" source="action" alwaysOn helperText="app.audit.action_hint" sx={{ minWidth: 280 }} />,
  <ReferenceInput key="actor" source="actor" reference="users" sort={{ field: 'displayName', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="displayName" filterToQuery={(q: string) => ({ q })} label="resources.audit-log.fields.actor" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <TextInput
    key="from"
    source="from"
    type="date"
    alwaysOn
    InputLabelProps={{ shrink: true }}
    parse={(value: string) => (value ? tokyoDayStart(value) : '')}
    format={(value?: string) => (value ? String(value).slice(0, 10) : '')}
  />,
  <TextInput
    key="to"
    source="to"
    type="date"
    alwaysOn
    InputLabelProps={{ shrink: true }}
    parse={(value: string) => (value ? nextDayStart(value) : '')}
    format={(value?: string) => (value ? dayBefore(String(value)) : '')}
  />,
  <TextInput key="objectType" source="objectType" />,
  <TextInput key="objectId" source="objectId" />,
];
