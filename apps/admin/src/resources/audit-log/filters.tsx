import { AutocompleteInput, ReferenceInput, TextInput } from 'react-admin';
import { dayBeforeEnd, dayOf, fromDay, toDayEnd } from './day-range';

/** The filters GET /api/audit-log takes: actor, action, object type and id, and a Tokyo date range. */
export const auditFilters = [
  <TextInput key="action" source="action" alwaysOn sx={{ minWidth: 280 }} />,
  <ReferenceInput key="actor" source="actor" reference="users" sort={{ field: 'displayName', order: 'ASC' }} alwaysOn>
    <AutocompleteInput
      optionText="displayName"
      filterToQuery={(q: string) => ({ q })}
      label="resources.audit-log.fields.actor"
      sx={{ minWidth: 220 }}
    />
  </ReferenceInput>,
  <TextInput
    key="from"
    source="from"
    type="date"
    alwaysOn
    InputLabelProps={{ shrink: true }}
    parse={fromDay}
    format={dayOf}
  />,
  <TextInput
    key="to"
    source="to"
    type="date"
    alwaysOn
    InputLabelProps={{ shrink: true }}
    parse={toDayEnd}
    format={dayBeforeEnd}
  />,
  <TextInput key="objectType" source="objectType" />,
  <TextInput key="objectId" source="objectId" />,
];
