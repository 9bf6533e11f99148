import AddIcon from '@mui/icons-material/Add';
import { Box } from '@mui/material';
import {
  ArrayInput,
  Button,
  DateInput,
  email,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useRecordContext,
  useSaveContext,
  useSimpleFormIterator,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { PROFICIENCIES } from '@app/domain/model';
import { FormServerError } from '../../layout/FormServerError';
import { choices, languageChoices, LEVELS, PATIENT_GENDERS, VOLUNTEER_STATUSES } from '../../lib/workflow-choices';
import { AREA_CHOICES, type VolunteerRecord } from './fields';
import { pledgeDay, pledgeInstant, wordVolunteerErrors } from './volunteer-body';

/** Strongest first. */
const PROFICIENCIES_DESCENDING = [...PROFICIENCIES].reverse();

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 200px' } } as const;

/** A worded "add" under the language rows (react-admin's own is a bare icon). */
const AddLanguageButton = () => {
  const { add } = useSimpleFormIterator();
  return (
    <Button label="app.registry.volunteers.add_language" onClick={() => add({ code: '', proficiency: 'fluent' })}>
      <AddIcon />
    </Button>
  );
};

/** The level-change reason, asked for only when the level differs from the saved one. */
const LevelChangeReason = () => {
  const record = useRecordContext<VolunteerRecord>();
  if (!record) return null;
  return (
    <FormDataConsumer>
      {({ formData }) =>
        formData.level !== record.level ? (
          <TextInput
            source="levelChangeReason"
            fullWidth
            validate={required('app.registry.volunteers.errors.level_reason')}
            helperText="app.registry.volunteers.level_reason_hint"
          />
        ) : null
      }
    </FormDataConsumer>
  );
};

/**
 * The volunteer's profile, languages and standing data (staff). Saves through the page's save
 * (Create or Edit); the API's field errors land on the inputs, worded in the user's language.
 */
export const VolunteerForm = () => {
  const { save } = useSaveContext();
  const onSubmit = async (values: FieldValues) => {
    const errors = await save?.(values);
    return errors ? wordVolunteerErrors(errors as Record<string, unknown>) : errors;
  };
  return (
    <SimpleForm
      onSubmit={onSubmit}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
      defaultValues={{
        level: 'trainee',
        status: 'active',
        gender: 'female',
        maxDispatchesPerMonth: 4,
        languages: [{ code: '', proficiency: 'fluent' }],
      }}
    >
      <FormServerError />
      <Box sx={row}>
        <TextInput source="displayName" validate={required()} />
        <TextInput source="nameKana" validate={required()} />
      </Box>
      <Box sx={row}>
        <TextInput source="email" type="email" validate={[required(), email()]} />
        <TextInput source="phone" type="tel" />
      </Box>
      <Box sx={row}>
        <SelectInput source="gender" choices={choices('patient_gender', PATIENT_GENDERS)} validate={required()} />
        <SelectInput source="homeArea" choices={AREA_CHOICES} validate={required()} />
      </Box>
      <ArrayInput source="languages" validate={required()}>
        <SimpleFormIterator inline disableReordering disableClear addButton={<AddLanguageButton />}>
          <SelectInput
            source="code"
            label="resources.volunteers.fields.code"
            choices={languageChoices}
            validate={required()}
          />
          <SelectInput
            source="proficiency"
            label="resources.volunteers.fields.proficiency"
            choices={choices('proficiency', PROFICIENCIES_DESCENDING)}
            validate={required()}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <Box sx={row}>
        <SelectInput source="level" choices={choices('level', LEVELS)} validate={required()} />
        <SelectInput source="status" choices={choices('volunteer_status', VOLUNTEER_STATUSES)} validate={required()} />
      </Box>
      <LevelChangeReason />
      <Box sx={row}>
        <DateInput
          source="pledgeSignedAt"
          format={pledgeDay}
          parse={pledgeInstant}
          helperText="app.registry.volunteers.pledge_hint"
        />
        <DateInput source="insuranceValidUntil" helperText="app.registry.volunteers.insurance_hint" />
        <NumberInput
          source="maxDispatchesPerMonth"
          min={0}
          max={62}
          step={1}
          validate={[minValue(0), maxValue(62)]}
          helperText="app.registry.volunteers.cap_hint"
        />
      </Box>
    </SimpleForm>
  );
};
