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
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { isStaff, type Role } from '../../access';
import { formatTimeRange } from '@app/domain/model';
import { tokyoDateOf, tokyoDayStart } from '../../lib/tokyo-input';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { choices, enumKey, languageChoices, REQUEST_STATUSES } from '../../lib/workflow-choices';
import { liveQuery } from '../../lib/live';
import { EnumField, RequestChips, VisitTime, type RequestRecord } from './fields';
import { ListDispatches, useListDispatch } from './list-dispatches';

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
  <TokyoDateFilter key="from" source="from" label="app.requests.filter_from" alwaysOn />,
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

/** The row's interpreter (from its dispatch), or nothing while nobody holds the visit. */
const InterpreterField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<RequestRecord>();
  const dispatch = useListDispatch(record?.id ?? '');
  if (!record) return null;
  return <span>{dispatch === undefined ? '' : (dispatch?.interpreterName ?? '—')}</span>;
};

/** Status chips with the desk's reading of the row's dispatch (確認待ち, no-shows). */
const RowChips = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<RequestRecord>();
  const dispatch = useListDispatch(record?.id ?? '');
  if (!record) return null;
  return <RequestChips record={record} dispatch={dispatch} />;
};

/**
 * Staff see every request with filters; a coordinator their hospital's (the API scopes it).
 * Upcoming visits first, from today (clearing 「この日以降」 shows past ones).
 */
export const RequestList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { permissions } = usePermissions<Role>();
  const staff = isStaff(permissions);
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <List
      filters={staff ? staffFilters : commonFilters}
      sort={{ field: 'startsAt', order: 'ASC' }}
      filterDefaultValues={{ from: tokyoDayStart(tokyoDateOf(new Date())) }}
      perPage={25}
      exporter={false}
      actions={<Actions />}
      empty={false}
      queryOptions={liveQuery}
    >
      <ListDispatches>
        {isSmall ? (
          <SimpleList<RequestRecord>
            primaryText={(record) => formatTimeRange(record.startsAt, record.endsAt, locale)}
            secondaryText={(record) =>
              `${record.reference} · ${translate(enumKey('language', record.language))} · ${translate(enumKey('department', record.department))}`
            }
            tertiaryText={() => <RowChips />}
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
            <InterpreterField label="app.requests.interpreter" sortable={false} />
            <RowChips label="resources.requests.fields.status" source="status" />
          </Datagrid>
        )}
      </ListDispatches>
    </List>
  );
};
