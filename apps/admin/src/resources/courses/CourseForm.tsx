import { Box } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  DateInput,
  maxValue,
  minValue,
  number,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { FormServerError } from '../../layout/FormServerError';
import { choices } from '../../lib/workflow-choices';
import { isAfter } from '../../lib/tokyo-input';
import { hoursBetween, toCourseFormValues } from './course-body';
import { COURSE_KINDS, type CourseRecord } from './types';

const endAfterStart = (value: string, values: Record<string, unknown>) =>
  value && typeof values.startTime === 'string' && !isAfter(value, values.startTime)
    ? 'app.courses.end_before_start'
    : undefined;

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 140px' } } as const;

/** The API has no way to delete a course (its attendance is the volunteers' training record). */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * Keeps the credited hours in step with the times: a change of the start or end time sets the
 * hours to the span (still editable for a course with a break, until the times change again).
 */
const HoursFollowTimes = () => {
  const { setValue } = useFormContext();
  const [startTime, endTime] = useWatch({ name: ['startTime', 'endTime'] });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const span = hoursBetween(startTime, endTime);
    if (span !== null) setValue('hours', span, { shouldDirty: true, shouldValidate: true });
  }, [startTime, endTime, setValue]);
  return null;
};

/** Title, kind, day and times (Tokyo), venue, capacity and credited hours (following the times). */
export const CourseForm = () => {
  const record = useRecordContext<CourseRecord>();
  const defaults = record
    ? toCourseFormValues(record)
    : { kind: 'skill_up', startTime: '10:00', endTime: '16:00', capacity: 30, hours: 6 };
  return (
    <SimpleForm defaultValues={defaults} sx={{ maxWidth: 720 }} toolbar={<SaveOnly />}>
      <FormServerError />
      <HoursFollowTimes />
      <TextInput source="title" validate={required()} fullWidth />
      <RadioButtonGroupInput source="kind" choices={choices('course_kind', COURSE_KINDS)} validate={required()} />
      <Box sx={row}>
        <DateInput source="date" validate={required()} />
        <TextInput source="startTime" type="time" validate={required()} />
        <TextInput source="endTime" type="time" validate={[required(), endAfterStart]} />
      </Box>
      <TextInput source="venue" fullWidth />
      <Box sx={row}>
        <NumberInput
          source="capacity"
          min={1}
          max={1000}
          step={1}
          validate={[required(), number(), minValue(1), maxValue(1000)]}
          helperText="app.courses.capacity_hint"
        />
        <NumberInput
          source="hours"
          min={0.25}
          max={999}
          step={0.25}
          validate={[required(), number(), minValue(0.25), maxValue(999)]}
          helperText="app.courses.hours_hint"
        />
      </Box>
    </SimpleForm>
  );
};
