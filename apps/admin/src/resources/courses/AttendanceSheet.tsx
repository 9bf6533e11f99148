import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  IconButton,
  Radio,
  RadioGroup,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ApiError } from '../../api/api-client';
import { enumKey } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import { placesTaken } from './course-body';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type CourseDetail } from './types';
import { VolunteerPicker } from './VolunteerPicker';

interface Row {
  volunteerId: string;
  displayName: string;
  status: AttendanceStatus;
  /** On the server already: a saved registration is taken off by the API (DELETE); attended or absent stays on the record. */
  saved: boolean;
}

const rowsOf = (course: CourseDetail): Row[] =>
  course.attendance.map((a) => ({
    volunteerId: a.volunteerId,
    displayName: a.displayName,
    status: a.status,
    saved: true,
  }));

/**
 * The course's register: add volunteers, mark each registered / attended / absent, save all at
 * once with PUT /api/courses/:id/attendance; a saved registration the volunteer withdrew is taken
 * off at once (DELETE). Over the capacity the API refuses (409 COURSE_FULL)
 * and nothing is written; its message is shown above the button.
 */
export const AttendanceSheet = ({ course }: { course: CourseDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(course));
  const save = useMutation<CourseDetail, ApiError, Row[]>({
    mutationFn: (sheet) =>
      apiClient.request<CourseDetail>(`/courses/${course.id}/attendance`, {
        method: 'PUT',
        body: sheet.map(({ volunteerId, status }) => ({ volunteerId, status })),
      }),
    onSuccess: (saved) => {
      setRows(rowsOf(saved));
      notify('app.courses.attendance.saved', { type: 'success' });
      refresh();
    },
  });
  const remove = useMutation<CourseDetail, ApiError, string>({
    mutationFn: (volunteerId) =>
      apiClient.request<CourseDetail>(`/courses/${course.id}/attendance/${volunteerId}`, { method: 'DELETE' }),
    onSuccess: (_, volunteerId) => {
      // Only that row goes: unsaved marks on the others stay.
      setRows((all) => all.filter((r) => r.volunteerId !== volunteerId));
      notify('app.courses.attendance.removed', { type: 'success' });
      refresh();
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  // Registering ahead is allowed; attended / absent only once the course has started (the API refuses it before: 409 COURSE_NOT_STARTED).
  const started = new Date(course.startsAt).getTime() <= Date.now();
  const taken = placesTaken(rows);
  const over = taken - course.capacity;
  const original = new Map(course.attendance.map((a) => [a.volunteerId, a.status]));
  const dirty = rows.length !== course.attendance.length || rows.some((r) => original.get(r.volunteerId) !== r.status);
  const setStatus = (volunteerId: string, status: AttendanceStatus) =>
    setRows((all) => all.map((r) => (r.volunteerId === volunteerId ? { ...r, status } : r)));

  return (
    <Card component="section" aria-label={translate('app.courses.attendance.title')}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate('app.courses.attendance.title')}
          </Typography>
          <Chip
            color={over > 0 ? 'error' : taken === course.capacity ? 'warning' : 'default'}
            label={translate('app.courses.attendance.count', { taken, capacity: course.capacity })}
            data-testid="attendance-count"
          />
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.courses.attendance.hint')}
        </Typography>
        {!started && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="attendance-not-started">
            {translate('app.courses.attendance.not_started')}
          </Alert>
        )}
        {rows.length === 0 && (
          <Typography color="text.secondary">{translate('app.courses.attendance.empty')}</Typography>
        )}
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {rows.map((row) => (
            <Box
              component="li"
              key={row.volunteerId}
              data-testid="attendance-row"
              sx={{
                display: 'flex',
                alignItems: 'center',
                flexWrap: 'wrap',
                gap: 1,
                py: 0.5,
                borderBottom: 1,
                borderColor: 'divider',
              }}
            >
              <Typography sx={{ flex: '1 1 180px', minWidth: 0 }}>
                {row.displayName}
                {!row.saved && (
                  <Chip
                    size="small"
                    variant="outlined"
                    sx={{ ml: 1 }}
                    label={translate('app.courses.attendance.new_row')}
                  />
                )}
              </Typography>
              <RadioGroup
                row
                aria-label={row.displayName}
                value={row.status}
                onChange={(event) => setStatus(row.volunteerId, event.target.value as AttendanceStatus)}
              >
                {ATTENDANCE_STATUSES.map((status) => (
                  <FormControlLabel
                    key={status}
                    value={status}
                    control={<Radio size="small" />}
                    disabled={!started && status !== 'registered'}
                    label={translate(enumKey('attendance_status', status))}
                  />
                ))}
              </RadioGroup>
              {row.saved && original.get(row.volunteerId) === 'registered' ? (
                <IconButton
                  aria-label={translate('app.courses.attendance.remove')}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(row.volunteerId)}
                >
                  <DeleteIcon />
                </IconButton>
              ) : row.saved ? (
                <Tooltip title={translate('app.courses.attendance.remove_saved_hint')}>
                  <span>
                    <IconButton disabled aria-label={translate('app.courses.attendance.remove')}>
                      <DeleteIcon />
                    </IconButton>
                  </span>
                </Tooltip>
              ) : (
                <IconButton
                  aria-label={translate('app.courses.attendance.remove')}
                  onClick={() => setRows((all) => all.filter((r) => r.volunteerId !== row.volunteerId))}
                >
                  <DeleteIcon />
                </IconButton>
              )}
            </Box>
          ))}
        </Box>
        <Box sx={{ mt: 2, display: 'flex' }}>
          <VolunteerPicker
            listed={rows.map((r) => r.volunteerId)}
            onPick={(volunteer) =>
              setRows((all) =>
                all.some((r) => r.volunteerId === volunteer.id)
                  ? all
                  : [
                      ...all,
                      {
                        volunteerId: volunteer.id,
                        displayName: volunteer.displayName,
                        status: 'registered',
                        saved: false,
                      },
                    ],
              )
            }
          />
        </Box>
        {over > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {translate('app.courses.attendance.over', { smart_count: over })}
          </Alert>
        )}
        {save.error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {save.error.message}
          </Alert>
        )}
        <Stack direction="row" sx={{ mt: 2, alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            startIcon={<SaveIcon />}
            disabled={!dirty || save.isPending}
            onClick={() => save.mutate(rows)}
          >
            {translate('app.courses.attendance.save')}
          </Button>
          {dirty && (
            <Typography variant="body2" color="warning.main">
              {translate('app.courses.attendance.unsaved')}
            </Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
