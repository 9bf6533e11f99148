import { EmailField, FunctionField, NumberField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { formatDate } from '../../lib/dates';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { LanguagesField, LevelText, VolunteerStatusChip, type VolunteerRecord } from './fields';

/** One volunteer's profile (GET /api/volunteers/:id). */
export const VolunteerShow = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const day = (value: string | null) => (value ? formatDate(value, locale) : '—');
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="displayName" />
        <TextField source="nameKana" emptyText="—" />
        <EmailField source="email" />
        <TextField source="phone" emptyText="—" />
        <FunctionField source="gender" render={(record: VolunteerRecord) => translate(enumKey('patient_gender', record.gender))} />
        <TextField source="homeArea" />
        <LanguagesField label="resources.volunteers.fields.languages" />
        <LevelText label="resources.volunteers.fields.level" />
        <VolunteerStatusChip label="resources.volunteers.fields.status" />
        <FunctionField source="pledgeSignedAt" render={(record: VolunteerRecord) => day(record.pledgeSignedAt)} />
        <FunctionField source="insuranceValidUntil" render={(record: VolunteerRecord) => (record.insuranceValidUntil ? day(`${record.insuranceValidUntil}T12:00:00+09:00`) : '—')} />
        <NumberField source="maxDispatchesPerMonth" />
        <FunctionField source="lastDispatchAt" render={(record: VolunteerRecord) => day(record.lastDispatchAt)} />
      </SimpleShowLayout>
    </Show>
  );
};
