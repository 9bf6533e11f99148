import {
  EditButton,
  EmailField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  UpdateButton,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import { ActiveField } from './ActiveField';
import { localeChoices, roleChoices } from './choices';
import { ResetTwoFactorButton } from '../../two-factor/ResetTwoFactorButton';
import { ResendInvitationButton } from './ResendInvitationButton';

/** Deactivate (ends the user's sessions at once) or reactivate, after a confirmation. */
const ActiveToggleButton = () => {
  const record = useRecordContext<{ id: string; active: boolean; displayName: string }>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!record || record.id === identity?.id) return null;
  const deactivate = record.active;
  const key = deactivate ? 'deactivate' : 'reactivate';
  return (
    <UpdateButton
      label={`app.users.${key}`}
      data={{ active: !record.active }}
      mutationMode="pessimistic"
      color={deactivate ? 'error' : 'primary'}
      icon={deactivate ? <BlockIcon /> : <CheckCircleOutlineIcon />}
      confirmTitle={translate(`app.users.${key}_confirm_title`, { name: record.displayName })}
      confirmContent={translate(`app.users.${key}_confirm_content`)}
    />
  );
};

const Actions = () => (
  <TopToolbar>
    <EditButton />
    <ActiveToggleButton />
    <ResendInvitationButton />
    <ResetTwoFactorButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <SelectField source="locale" choices={localeChoices} />
      <ActiveField source="active" label="resources.users.fields.active" />
      <TextField source="hospitalId" emptyText="—" />
      <TextField source="volunteerId" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
