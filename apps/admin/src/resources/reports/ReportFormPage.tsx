import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  Form,
  Loading,
  minValue,
  maxValue,
  NumberInput,
  RadioButtonGroupInput,
  required,
  ResourceContextProvider,
  SaveButton,
  TextInput,
  Title,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import type { FieldValues } from 'react-hook-form';
import { canRoleAccess, type Role } from '../../access';
import { ApiError } from '../../api/api-client';
import { AccessDenied } from '../../layout/AccessDenied';
import { FormServerError } from '../../layout/FormServerError';
import { formatTimeRange } from '@app/domain/model';
import { tokyoDateOf, tokyoIso, tokyoTimeOf, visitTimes } from '../../lib/tokyo-input';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { choices, enumKey, REPORT_SCENES } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import { ReportDetails } from './ReportDetails';
import { REVIEW_STATUS_COLOR, visitHappened, type DispatchRecord, type ReportRecord } from './types';
import { usePastDispatches } from './use-past-dispatches';

interface FormValues {
  date: string;
  start: string;
  end: string;
  waitingMinutes: number;
  scenes: string[];
  difficulty: string;
  transportCostYen: number;
  issues?: string | null;
  termsToStudy?: string | null;
  wellbeingConcern: boolean;
}

/** The form's date and wall times to the API's body (CreateReportDto); a visit across midnight ends the next morning. */
export function toReportBody(values: FormValues) {
  const times = visitTimes(values.date, values.start, values.end);
  return {
    actualStart: times?.actualStart ?? tokyoIso(values.date, values.start),
    actualEnd: times?.actualEnd ?? tokyoIso(values.date, values.end),
    waitingMinutes: Number(values.waitingMinutes ?? 0),
    scenes: values.scenes ?? [],
    difficulty: Number(values.difficulty),
    transportCostYen: Number(values.transportCostYen ?? 0),
    issues: values.issues?.trim() ?? '',
    termsToStudy: values.termsToStudy?.trim() ?? '',
    wellbeingConcern: !!values.wellbeingConcern,
  };
}

function defaults(dispatch: DispatchRecord, report: ReportRecord | null): FormValues {
  const start = report?.actualStart ?? dispatch.startsAt;
  const end = report?.actualEnd ?? dispatch.endsAt;
  return {
    date: tokyoDateOf(start),
    start: tokyoTimeOf(start),
    end: tokyoTimeOf(end),
    waitingMinutes: report?.waitingMinutes ?? 0,
    scenes: report?.scenes ?? [],
    difficulty: String(report?.difficulty ?? 3),
    transportCostYen: report?.transportCostYen ?? 0,
    issues: report?.issues ?? '',
    termsToStudy: report?.termsToStudy ?? '',
    wellbeingConcern: report?.wellbeingConcern ?? false,
  };
}

/** The API names actualStart/actualEnd; the form shows them as the start and end times. */
const FIELD_OF: Record<string, string> = { actualStart: 'start', actualEnd: 'end' };

/** An end at or before the start is the next morning (a visit across midnight), unless over 12 hours: a typo. */
const endAfterStart = (value: string, values: Record<string, unknown>) =>
  value &&
  typeof values.start === 'string' &&
  visitTimes(typeof values.date === 'string' ? values.date : '2000-01-01', values.start, value)?.endBeforeStart
    ? 'app.requests.end_before_start'
    : undefined;

const DIFFICULTIES = ['1', '2', '3', '4', '5'].map((id) => ({ id, name: `app.reports.difficulty.${id}` }));

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 120px' } } as const;

const ReportForm = ({ dispatch, report }: { dispatch: DispatchRecord; report: ReportRecord | null }) => {
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = async (values: FieldValues) => {
    try {
      await apiClient.request(`/dispatches/${dispatch.id}/report`, {
        method: report ? 'PUT' : 'POST',
        body: toReportBody(values as FormValues),
      });
    } catch (error) {
      if (error instanceof ApiError && error.body.errors) {
        const errors: Record<string, unknown> = {};
        for (const [field, message] of Object.entries(error.body.errors)) errors[FIELD_OF[field] ?? field] = message;
        return errors;
      }
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
    await queryClient.invalidateQueries({ queryKey: ['dispatches'] });
    notify(report ? 'app.reports.updated' : 'app.reports.filed', { type: 'success' });
    void navigate('/dispatches');
    return undefined;
  };
  return (
    <ResourceContextProvider value="reports">
      <Form defaultValues={defaults(dispatch, report)} onSubmit={save}>
        <Box sx={{ display: 'grid', gap: 0.5 }}>
          <FormServerError />
          <Box sx={row}>
            <DateInput source="date" label="app.reports.date" validate={required()} />
            <TextInput source="start" label="resources.reports.fields.actualStart" type="time" validate={required()} />
            <TextInput
              source="end"
              label="resources.reports.fields.actualEnd"
              type="time"
              validate={[required(), endAfterStart]}
            />
          </Box>
          <Box sx={row}>
            <NumberInput
              source="waitingMinutes"
              min={0}
              max={1440}
              step={5}
              validate={[required(), minValue(0), maxValue(1440)]}
            />
            <NumberInput
              source="transportCostYen"
              min={0}
              step={10}
              validate={[required(), minValue(0), maxValue(100000)]}
            />
          </Box>
          <CheckboxGroupInput
            source="scenes"
            choices={choices('report_scene', REPORT_SCENES)}
            validate={required('app.reports.scenes_required')}
          />
          <RadioButtonGroupInput source="difficulty" choices={DIFFICULTIES} validate={required()} />
          <TextInput source="issues" multiline minRows={2} fullWidth helperText="app.reports.issues_hint" />
          <TextInput source="termsToStudy" multiline minRows={2} fullWidth />
          <BooleanInput source="wellbeingConcern" helperText="app.reports.wellbeing_hint" />
          <Box sx={{ mt: 1 }}>
            <SaveButton label={report ? 'app.reports.update' : 'app.reports.submit'} alwaysEnable />
          </Box>
        </Box>
      </Form>
    </ResourceContextProvider>
  );
};

/** /dispatches/:id/report — the volunteer's activity report (活動報告書); editable until reviewed. */
export const ReportFormPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { permissions, isPending: permissionsPending } = usePermissions<Role>();
  const allowed = canRoleAccess(permissions, 'dispatches', 'report');
  const dispatches = usePastDispatches();
  const report = useQuery({
    queryKey: ['dispatches', id, 'report'],
    enabled: allowed,
    queryFn: async () => {
      try {
        return await apiClient.request<ReportRecord>(`/dispatches/${id}/report`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  if (permissionsPending) return <Loading />;
  if (!allowed) return <AccessDenied />;
  const dispatch = dispatches.data?.data.find((d) => d.id === id);
  const title = translate('app.reports.title');
  const body = () => {
    if (dispatches.isPending || report.isPending) return <Loading />;
    const error = dispatches.error ?? report.error;
    if (error) return <Alert severity="error">{error.message}</Alert>;
    if (!dispatch) return <Alert severity="warning">{translate('app.reports.no_dispatch')}</Alert>;
    if (!visitHappened(dispatch)) return <Alert severity="info">{translate('app.reports.not_yet')}</Alert>;
    const existing = report.data ?? null;
    return (
      <>
        {existing && (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip
              size="small"
              color={REVIEW_STATUS_COLOR[existing.reviewStatus]}
              label={translate(enumKey('review_status', existing.reviewStatus))}
              data-testid="review-status"
            />
            {existing.reviewStatus === 'pending' && (
              <Typography variant="body2" color="text.secondary">
                {translate('app.reports.editable_hint')}
              </Typography>
            )}
          </Box>
        )}
        {existing && existing.reviewStatus !== 'pending' ? (
          <ReportDetails report={existing} />
        ) : (
          <ReportForm dispatch={dispatch} report={existing} />
        )}
      </>
    );
  };
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, maxWidth: 720 }}>
      <Title title={title} />
      <Box>
        <Button component={RouterLink} to="/dispatches" startIcon={<ArrowBackIcon />} size="small">
          {translate('resources.dispatches.name', { smart_count: 2 })}
        </Button>
      </Box>
      <Typography variant="h5" component="h1">
        {title}
      </Typography>
      {dispatch && (
        <Typography color="text.secondary" data-testid="report-visit">
          {formatTimeRange(dispatch.startsAt, dispatch.endsAt, locale)} ·{' '}
          {translate(enumKey('language', dispatch.language))}
        </Typography>
      )}
      <Card>
        <CardContent sx={{ display: 'grid', gap: 2 }}>{body()}</CardContent>
      </Card>
    </Box>
  );
};
