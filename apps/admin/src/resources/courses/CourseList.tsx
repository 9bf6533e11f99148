import { useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { formatTimeRange } from '@app/domain/model';
import { tokyoDayStart } from '../../lib/tokyo-input';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { choices, enumKey } from '../../lib/workflow-choices';
import { CourseKindChip, CourseTaken, CourseTime } from './fields';
import { COURSE_KINDS, type CourseRecord } from './types';

const filters = [
  <SelectInput key="kind" source="kind" choices={choices('course_kind', COURSE_KINDS)} alwaysOn />,
  <TextInput
    key="from"
    source="from"
    label="app.courses.upcoming_only"
    type="date"
    InputLabelProps={{ shrink: true }}
    parse={(value: string) => (value ? tokyoDayStart(value) : '')}
    format={(value?: string) => (value ? String(value).slice(0, 10) : '')}
  />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="app.courses.new" />
  </TopToolbar>
);

/**
 * Every course: those not yet over soonest first, then the past ones latest first (the API's
 * `sort=upcoming`), with the kind filter and an optional start date; paged by the API. Its own
 * store key, so a date filter saved by the old "from today" list does not hide past courses.
 */
export const CourseList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <List
      filters={filters}
      storeKey="courses.upcoming-then-past"
      sort={{ field: 'upcoming', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<Actions />}
      empty={false}
    >
      {isSmall ? (
        <SimpleList<CourseRecord>
          primaryText={(record) => record.title}
          secondaryText={(record) => formatTimeRange(record.startsAt, record.endsAt, locale)}
          tertiaryText={(record) =>
            `${translate(enumKey('course_kind', record.kind))} · ${translate('app.courses.taken', { taken: record.taken, capacity: record.capacity })}`
          }
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<EmptyCourses />}>
          <TextField source="title" />
          <CourseTime label="resources.courses.fields.startsAt" sortBy="startsAt" />
          <CourseKindChip label="resources.courses.fields.kind" sortBy="kind" />
          <TextField source="venue" sortable={false} />
          <CourseTaken label="resources.courses.fields.taken" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};

const EmptyCourses = () => {
  const translate = useTranslate();
  return <div style={{ padding: 16 }}>{translate('app.courses.empty')}</div>;
};
