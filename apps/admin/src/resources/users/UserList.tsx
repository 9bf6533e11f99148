import { useMediaQuery, type Theme } from '@mui/material';
import {
  Datagrid,
  EmailField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
  useTranslate,
} from 'react-admin';
import { ActiveField } from './ActiveField';
import { localeChoices, roleChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn emptyText="app.users.all_roles" />,
];

/** Accounts, paginated and sorted by the server; a simple list on a phone. */
export const UserList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} perPage={25} exporter={false}>
      {isSmall ? (
        <SimpleList
          primaryText={(record) => record.displayName}
          secondaryText={(record) => record.email}
          tertiaryText={(record) => translate(`app.role.${record.role}`)}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="displayName" />
          <EmailField source="email" />
          <SelectField source="role" choices={roleChoices} />
          <SelectField source="locale" choices={localeChoices} sortable={false} />
          <ActiveField source="active" label="resources.users.fields.active" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};
