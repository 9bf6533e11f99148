import { Box } from '@mui/material';
import {
  EmailField,
  FunctionField,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canRoleAccess, isStaff, type Role } from '../../access';
import { AvailabilityEditor } from '../../availability/AvailabilityEditor';
import { formatDate } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import { LanguagesField, LevelText, VolunteerStatusChip, type VolunteerRecord } from './fields';
import { TrainingStanding } from './TrainingStanding';
import { TraineeProgressCard } from './TraineeProgressCard';
import { BansCard, type BanRecord } from './BansCard';
import { EditActions } from '../../layout/EditActions';
import { TitledCard } from '../../layout/TitledCard';
import { ActivityReportDownload } from '../../documents/ActivityReportDownload';

/** Bans, training standing and the availability editor, below the profile. */
const StandingAndAvailability = () => {
  const record = useRecordContext<VolunteerRecord & { bans?: BanRecord[] }>();
  const { permissions } = usePermissions<Role>();
  if (!record) return null;
  return (
    <Box sx={{ px: { xs: 1, sm: 2 }, pb: 2 }}>
      {canRoleAccess(permissions, 'volunteers', 'bans') && record.bans && (
        <TitledCard outlined sx={{ mt: 2 }} title="app.bans.title" testId="volunteer-bans">
          <BansCard volunteerId={record.id} displayName={record.displayName} bans={record.bans} />
        </TitledCard>
      )}
      {canRoleAccess(permissions, 'volunteers', 'training') && (
        <TitledCard outlined sx={{ mt: 2 }} title="resources.volunteers.fields.training" testId="volunteer-training">
          <TrainingStanding path={`/volunteers/${record.id}/training`} />
        </TitledCard>
      )}
      {canRoleAccess(permissions, 'volunteers', 'training') && (
        <TitledCard outlined sx={{ mt: 2 }} title="app.documents.activity_title" testId="volunteer-activity-report">
          <ActivityReportDownload volunteerId={record.id} />
        </TitledCard>
      )}
      {record.level === 'trainee' && canRoleAccess(permissions, 'volunteers', 'training') && (
        <TitledCard outlined sx={{ mt: 2 }} title="app.shadowing.progress_title" testId="volunteer-progress">
          <TraineeProgressCard volunteerId={record.id} canPromote={isStaff(permissions)} />
        </TitledCard>
      )}
      {canRoleAccess(permissions, 'volunteers', 'availability') && (
        <TitledCard
          outlined
          sx={{ mt: 2 }}
          title="resources.volunteers.fields.availability"
          testId="volunteer-availability"
        >
          <AvailabilityEditor path={`/volunteers/${record.id}/availability`} />
        </TitledCard>
      )}
    </Box>
  );
};

/** One volunteer: profile, languages, level and status, training standing with attendance, and availability (staff). */
export const VolunteerShow = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const day = (value: string | null) => (value ? formatDate(value, locale) : '—');
  return (
    <Show actions={<EditActions resource="volunteers" />}>
      <SimpleShowLayout>
        <TextField source="displayName" />
        <TextField source="nameKana" emptyText="—" />
        <EmailField source="email" />
        <TextField source="phone" emptyText="—" />
        <FunctionField
          source="gender"
          render={(record: VolunteerRecord) => translate(enumKey('patient_gender', record.gender))}
        />
        <TextField source="homeArea" />
        <LanguagesField label="resources.volunteers.fields.languages" />
        <LevelText label="resources.volunteers.fields.level" />
        <VolunteerStatusChip label="resources.volunteers.fields.status" />
        <FunctionField source="pledgeSignedAt" render={(record: VolunteerRecord) => day(record.pledgeSignedAt)} />
        <FunctionField
          source="insuranceValidUntil"
          render={(record: VolunteerRecord) =>
            record.insuranceValidUntil ? day(`${record.insuranceValidUntil}T12:00:00+09:00`) : '—'
          }
        />
        <NumberField source="maxDispatchesPerMonth" />
        <FunctionField source="lastDispatchAt" render={(record: VolunteerRecord) => day(record.lastDispatchAt)} />
      </SimpleShowLayout>
      <StandingAndAvailability />
    </Show>
  );
};
