import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useNotify,
  usePermissions,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { isStaff, type Role } from '../../access';
import { FormServerError } from '../../layout/FormServerError';
import { isAfter, tokyoIso } from '../../lib/tokyo-input';
import {
  AGE_BANDS,
  choices,
  DEPARTMENTS,
  INTERPRETER_GENDERS,
  languageChoices,
  MODES,
  PATIENT_GENDERS,
  VISIT_TYPES,
} from '../../lib/workflow-choices';
import type { RequestRecord } from './fields';
import { LeadTimeNotice, OnHoldInput } from './FilingOptions';

/** The form holds a date and two wall times; the API takes ISO times with the Tokyo offset. */
interface FormValues {
  date: string;
  startsAt: string;
  endsAt: string;
  notes?: string;
  mode?: string;
  notesForInterpreter?: string;
  remoteDetails?: string;
  [key: string]: unknown;
}

/** Blank optional texts are left out; the number or link goes only with a phone or video visit. */
export function toCreateBody({
  date,
  startsAt,
  endsAt,
  notes,
  notesForInterpreter,
  remoteDetails,
  ...rest
}: FormValues) {
  return {
    ...rest,
    startsAt: tokyoIso(date, startsAt),
    endsAt: tokyoIso(date, endsAt),
    ...(notes ? { notes } : {}),
    ...(notesForInterpreter?.trim() ? { notesForInterpreter } : {}),
    ...(rest.mode && rest.mode !== 'onsite' && remoteDetails ? { remoteDetails } : {}),
  };
}

/** A phone or video visit needs the number to call or the link; an on-site one has no such field. */
const RemoteDetailsInput = () => {
  const mode = useWatch({ name: 'mode' });
  if (mode !== 'phone' && mode !== 'video') return null;
  return (
    <TextInput source="remoteDetails" validate={required()} helperText="app.requests.no_patient_details" fullWidth />
  );
};

const endAfterStart = (value: string, values: Record<string, unknown>) =>
  value && typeof values.startsAt === 'string' && !isAfter(value, values.startsAt)
    ? 'app.requests.end_before_start'
    : undefined;

const Section = ({ title, hint }: { title: string; hint?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 1, width: '100%' }}>
      <Typography variant="h6" component="h2">
        {translate(title)}
      </Typography>
      {hint && (
        <Typography variant="body2" color="text.secondary">
          {translate(hint)}
        </Typography>
      )}
    </Box>
  );
};

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 140px' } } as const;

/** Staff file for any hospital and must name it; a coordinator's request is for their own (the API fills it in). */
const HospitalPicker = () => {
  const { permissions } = usePermissions<Role>();
  if (!isStaff(permissions)) return null;
  return (
    <ReferenceInput
      source="hospitalId"
      reference="hospitals"
      sort={{ field: 'name', order: 'ASC' }}
      filter={{ active: true }}
      perPage={50}
    >
      <AutocompleteInput
        optionText="name"
        label="resources.requests.fields.hospitalId"
        validate={required()}
        fullWidth
      />
    </ReferenceInput>
  );
};

/** A request for an interpreter: one screen, sensible defaults, done in a minute (staff also choose the hospital). */
export const RequestCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="app.requests.new"
      transform={(data: FormValues) => toCreateBody(data)}
      mutationOptions={{
        onSuccess: (created: RequestRecord) => {
          notify(
            created.onHold
              ? 'app.desk.create.filed_on_hold'
              : created.urgent
                ? 'app.requests.filed_urgent'
                : 'app.requests.filed',
            {
              type: created.urgent ? 'warning' : 'success',
            },
          );
          redirect('show', 'requests', created.id);
        },
      }}
    >
      <SimpleForm
        defaultValues={{
          startsAt: '10:00',
          endsAt: '11:00',
          department: 'internal_medicine',
          visitType: 'outpatient',
          mode: 'onsite',
          interpreterGender: 'any',
          patient: { ageBand: 'adult' },
        }}
        sx={{ maxWidth: 720 }}
      >
        <FormServerError />
        <Section title="app.requests.section_visit" />
        <HospitalPicker />
        <SelectInput source="language" choices={languageChoices} validate={required()} fullWidth />
        <Box sx={row}>
          <DateInput source="date" label="app.requests.date" validate={required()} />
          <TextInput source="startsAt" type="time" validate={required()} />
          <TextInput source="endsAt" type="time" validate={[required(), endAfterStart]} />
        </Box>
        <LeadTimeNotice />
        <Box sx={row}>
          <SelectInput source="department" choices={choices('department', DEPARTMENTS)} validate={required()} />
          <SelectInput source="visitType" choices={choices('visit_type', VISIT_TYPES)} validate={required()} />
        </Box>
        <RadioButtonGroupInput source="mode" choices={choices('mode', MODES)} />
        <RemoteDetailsInput />
        <TextInput
          source="notesForInterpreter"
          multiline
          minRows={2}
          helperText="app.requests.no_patient_details"
          fullWidth
        />
        <RadioButtonGroupInput
          source="interpreterGender"
          choices={choices('interpreter_gender', INTERPRETER_GENDERS)}
        />
        <Section title="app.requests.section_patient" hint="app.requests.section_patient_hint" />
        <TextInput source="patient.displayName" validate={required()} fullWidth />
        <Box sx={row}>
          <SelectInput
            source="patient.gender"
            choices={choices('patient_gender', PATIENT_GENDERS)}
            validate={required()}
          />
          <SelectInput source="patient.ageBand" choices={choices('age_band', AGE_BANDS)} validate={required()} />
        </Box>
        <TextInput source="notes" multiline minRows={2} fullWidth />
        <BooleanInput
          source="traineeWelcome"
          label="app.shadowing.trainee_welcome"
          helperText="app.shadowing.trainee_welcome_hint"
        />
        <OnHoldInput />
      </SimpleForm>
    </Create>
  );
};
