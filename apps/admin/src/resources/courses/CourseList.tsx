import { useMediaQuery, type Theme } from '@mui/material';
import { useState } from 'react';
import {
  CreateButton,
  Datagrid,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { formatTimeRange } from '../../lib/dates';
import { tokyoDateOf, tokyoDayStart } from '../../lib/tokyo-input';
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
    alwaysOn
    InputLabelProps={{ shrink: true }}
    parse={(value: string) => (value ? tokyoDayStart(value) : '')}
    format={(value?: string) => (value ? String(value).slice(0, 10) : '')}
  />,
];

const Actions = () => (
  <TopToolbar>
    <CreateButton label="app.courses.new" />
  </TopToolbar>
);

/** Courses, soonest first from today on (clear the date to see past ones), with the kind filter; paged by the API. */
export const CourseList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const [today] = useState(() => tokyoDayStart(tokyoDateOf(new Date())));
  return (
    <List
      filters={filters}
      filterDefaultValues={{ from: today }}
      sort={{ field: 'startsAt', order: 'ASC' }}
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
