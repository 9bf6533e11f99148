import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import {
  email,
  Form,
  minLength,
  PasswordInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { ApiError } from '../../api/api-client';
import { FormServerError } from '../../layout/FormServerError';
import { apiClient } from '../../providers';
import { localeChoices } from '../users/choices';

const FIELDS = ['email', 'displayName', 'locale', 'password'] as const;
const EMPTY = { email: '', displayName: '', locale: 'ja', password: '' };

/** The fields of CreateCoordinatorDto that were filled in: an empty password means "invite by e-mail". */
export function toCoordinatorBody(values: FieldValues): Record<string, unknown> {
  return Object.fromEntries(
    FIELDS.map((field) => [field, values[field]]).filter(
      ([, value]) => value !== null && value !== undefined && value !== '',
    ),
  );
}

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 200px' } } as const;

/** A coordinator account for this hospital (POST /api/hospitals/:id/coordinators). */
export const AddCoordinatorForm = ({ hospitalId }: { hospitalId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  // A new form after each coordinator added, empty again.
  const [round, setRound] = useState(0);
  const save = async (values: FieldValues) => {
    try {
      const user = await apiClient.request<{ displayName: string }>(`/hospitals/${hospitalId}/coordinators`, {
        method: 'POST',
        body: toCoordinatorBody(values),
      });
      notify('app.registry.hospitals.coordinator_added', { type: 'success', messageArgs: { name: user.displayName } });
      setRound((r) => r + 1);
      refresh();
    } catch (error) {
      if (error instanceof ApiError && error.body.errors) return error.body.errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
    return undefined;
  };
  return (
    <Box data-testid="add-coordinator">
      <Typography variant="subtitle1" component="h3">
        {translate('app.registry.hospitals.add_coordinator')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.registry.hospitals.add_coordinator_hint')}
      </Typography>
      {/* Its own record: not the hospital's, which the page's record context would give. */}
      <Form key={round} record={EMPTY} onSubmit={save}>
        <FormServerError />
        <Box sx={row}>
          <TextInput
            source="displayName"
            label="resources.hospitals.fields.coordinator.displayName"
            validate={required()}
          />
          <TextInput
            source="email"
            label="resources.hospitals.fields.coordinator.email"
            type="email"
            validate={[required(), email()]}
          />
        </Box>
        <Box sx={row}>
          <SelectInput
            source="locale"
            label="resources.hospitals.fields.coordinator.locale"
            choices={localeChoices}
            validate={required()}
          />
          <PasswordInput
            source="password"
            label="resources.hospitals.fields.coordinator.password"
            validate={minLength(10)}
            helperText="app.registry.hospitals.password_hint"
            autoComplete="new-password"
          />
        </Box>
        <SaveButton label="app.registry.hospitals.add_coordinator" />
      </Form>
    </Box>
  );
};
