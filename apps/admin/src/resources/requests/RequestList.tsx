import { useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  FilterButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { isStaff, type Role } from '../../access';
import { formatTimeRange } from '../../lib/dates';
import { tokyoDayStart } from '../../lib/tokyo-input';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { choices, enumKey, languageChoices, REQUEST_STATUSES } from '../../lib/workflow-choices';
import { liveQuery } from '../../lib/live';
import { EnumField, RequestChips, VisitTime, type RequestRecord } from './fields';

/** A date box whose value is the start of that Tokyo day (the API compares instants). */
const TokyoDateFilter = ({ source, label }: { source: string; label: string; alwaysOn?: boolean }) => (
  <TextInput
    source={source}
    label={label}
    type="date"
    InputLabelProps={{ shrink: true }}
    parse={(value: string) => (value ? tokyoDayStart(value) : '')}
    format={(value?: string) => (value ? String(value).slice(0, 10) : '')}
  />
);

const commonFilters = [
  <TextInput key="reference" source="reference" label="app.requests.reference" alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('request_status', REQUEST_STATUSES)} alwaysOn />,
  <SelectInput key="language" source="language" choices={languageChoices} alwaysOn />,
  <TokyoDateFilter key="from" source="from" label="app.requests.filter_from" />,
  <TokyoDateFilter key="to" source="to" label="app.requests.filter_to" />,
];

const staffFilters = [
  ...commonFilters,
  <ReferenceInput
    key="hospitalId"
    source="hospitalId"
    reference="hospitals"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={200}
  >
    <SelectInput optionText="name" label="resources.requests.fields.hospitalId" />
  </ReferenceInput>,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'requests', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton label="app.requests.new" />}
    </TopToolbar>
  );
};

/** Staff see every request with filters; a coordinator their hospital's (the API scopes it). */
export const RequestList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { permissions } = usePermissions<Role>();
  const staff = isStaff(permissions);
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <List
      filters={staff ? staffFilters : commonFilters}
      sort={{ field: 'startsAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<Actions />}
      empty={false}
      queryOptions={liveQuery}
    >
      {isSmall ? (
        <SimpleList<RequestRecord>
          primaryText={(record) => formatTimeRange(record.startsAt, record.endsAt, locale)}
          secondaryText={(record) =>
            `${record.reference} · ${translate(enumKey('language', record.language))} · ${translate(enumKey('department', record.department))}`
          }
          tertiaryText={(record) => <RequestChips record={record} />}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <FunctionField
            source="startsAt"
            label="app.requests.visit"
            render={(record: RequestRecord) => <VisitTime record={record} />}
          />
          <TextField source="reference" label="app.requests.reference" sortable={false} />
          <EnumField source="language" group="language" label="resources.requests.fields.language" />
          <EnumField
            source="department"
            group="department"
            label="resources.requests.fields.department"
            sortable={false}
          />
          <EnumField
            source="visitType"
            group="visit_type"
            label="resources.requests.fields.visitType"
            sortable={false}
          />
          {staff && (
            <ReferenceField source="hospitalId" reference="hospitals" link={false} sortable={false}>
              <TextField source="name" />
            </ReferenceField>
          )}
          <FunctionField source="status" render={(record: RequestRecord) => <RequestChips record={record} />} />
        </Datagrid>
      )}
    </List>
  );
};
