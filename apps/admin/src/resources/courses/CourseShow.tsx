import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { EditButton, ListButton, ShowBase, Title, TopToolbar, useShowContext, useTranslate } from 'react-admin';
import { AttendanceSheet } from './AttendanceSheet';
import { CourseKindChip, CourseTaken, CourseTime } from './fields';
import type { CourseDetail } from './types';

const Row = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: '10rem 1fr' },
        gap: { xs: 0, sm: 2 },
        py: 0.75,
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography component="div">{children}</Typography>
    </Box>
  );
};

const CourseDetails = () => {
  const { record, isPending } = useShowContext<CourseDetail>();
  const translate = useTranslate();
  if (isPending || !record) return null;
  // Right after create the cached record is the list view, without attendance, until refetched.
  const sheetKey = record.attendance?.map((a) => `${a.volunteerId}:${a.status}`).join(',');
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 1 }}>
      <Title title={record.title} />
      <TopToolbar sx={{ justifyContent: 'space-between', minHeight: 'auto' }}>
        <ListButton />
        <EditButton />
      </TopToolbar>
      <Card component="section" aria-label={translate('app.courses.details')}>
        <CardContent>
          <Typography variant="h6" component="h1">
            {record.title}
          </Typography>
          <Row label="app.courses.when">
            <CourseTime record={record} />
          </Row>
          <Row label="resources.courses.fields.kind">
            <CourseKindChip record={record} />
          </Row>
          {record.venue && <Row label="resources.courses.fields.venue">{record.venue}</Row>}
          <Row label="resources.courses.fields.capacity">
            <CourseTaken record={record} />
          </Row>
          <Row label="resources.courses.fields.hours">
            {translate('app.courses.hours_value', { hours: record.hours })}
          </Row>
        </CardContent>
      </Card>
      {/* A fresh sheet whenever the saved attendance changes (after a save, or another user's). */}
      {record.attendance ? (
        <AttendanceSheet key={sheetKey} course={record} />
      ) : (
        <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>
      )}
    </Box>
  );
};

/** One course: its details, and the attendance sheet. */
export const CourseShow = () => (
  <ShowBase>
    <CourseDetails />
  </ShowBase>
);
