import { useMediaQuery, type Theme } from '@mui/material';
import { BooleanField, Datagrid, List, SelectInput, SimpleList, TextField, TextInput, useTranslate } from 'react-admin';
import { AREA_CHOICES } from '../volunteers/fields';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="area" source="area" choices={AREA_CHOICES} alwaysOn />,
];

/** Partner hospitals (staff, read-only here). */
export const HospitalList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false} empty={false}>
      {isSmall ? (
        <SimpleList
          primaryText={(record) => record.name}
          secondaryText={(record) => `${record.area}${record.active ? '' : ` · ${translate('app.registry.inactive')}`}`}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="area" />
          <TextField source="address" sortable={false} />
          <TextField source="phone" sortable={false} emptyText="—" />
          <BooleanField source="active" />
        </Datagrid>
      )}
    </List>
  );
};
