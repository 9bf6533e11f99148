import { useMediaQuery, type Theme } from '@mui/material';
import { Datagrid, List, SelectInput, SimpleList, TextField, TextInput, useTranslate } from 'react-admin';
import { languageName } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { choices, enumKey, languageChoices, LEVELS, VOLUNTEER_STATUSES } from '../../lib/workflow-choices';
import { AREA_CHOICES, LanguagesField, LevelText, VolunteerStatusChip, type VolunteerRecord } from './fields';
import { RosterListActions } from './roster/RosterListActions';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="language" source="language" choices={languageChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('volunteer_status', VOLUNTEER_STATUSES)} />,
  <SelectInput key="level" source="level" choices={choices('level', LEVELS)} />,
  <SelectInput key="homeArea" source="homeArea" choices={AREA_CHOICES} />,
];

/** Volunteer interpreters with languages, level and status (staff, read-only here). */
export const VolunteerList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <List
      filters={filters}
      sort={{ field: 'displayName', order: 'ASC' }}
      exporter={false}
      empty={false}
      actions={<RosterListActions />}
    >
      {isSmall ? (
        <SimpleList<VolunteerRecord>
          primaryText={(record) => record.displayName}
          secondaryText={(record) => record.languages.map((language) => languageName(language.code, locale)).join('・')}
          tertiaryText={(record) =>
            `${translate(enumKey('level', record.level))} · ${translate(enumKey('volunteer_status', record.status))}`
          }
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="displayName" />
          <LanguagesField label="resources.volunteers.fields.languages" sortable={false} />
          <LevelText label="resources.volunteers.fields.level" />
          <VolunteerStatusChip label="resources.volunteers.fields.status" />
          <TextField source="homeArea" />
        </Datagrid>
      )}
    </List>
  );
};
