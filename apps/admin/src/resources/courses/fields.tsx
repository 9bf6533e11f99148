import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatTimeRange } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import type { CourseRecord } from './types';

/** 2026年12月3日(木) 10:00–16:00 */
export const CourseTime = ({ record: given }: { record?: CourseRecord; label?: string; sortBy?: string }) => {
  const context = useRecordContext<CourseRecord>();
  const record = given ?? context;
  const locale = useDisplayLocale();
  const translate = useTranslate();
  if (!record) return null;
  const over = new Date(record.endsAt).getTime() <= Date.now();
  return (
    <span>
      {formatTimeRange(record.startsAt, record.endsAt, locale)}
      {over && (
        <Chip size="small" variant="outlined" label={translate('app.courses.past')} sx={{ ml: 1 }} component="span" />
      )}
    </span>
  );
};

export const CourseKindChip = ({ record: given }: { record?: CourseRecord; label?: string; sortBy?: string }) => {
  const context = useRecordContext<CourseRecord>();
  const record = given ?? context;
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.kind === 'initial' ? 'primary' : 'default'}
      label={translate(enumKey('course_kind', record.kind))}
    />
  );
};

/** 4 / 5 人, in warning colour once full. */
export const CourseTaken = ({ record: given }: { record?: CourseRecord; label?: string; sortable?: boolean }) => {
  const context = useRecordContext<CourseRecord>();
  const record = given ?? context;
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.taken >= record.capacity ? 'warning' : 'default'}
      label={translate('app.courses.taken', { taken: record.taken, capacity: record.capacity })}
      data-testid="course-taken"
    />
  );
};
