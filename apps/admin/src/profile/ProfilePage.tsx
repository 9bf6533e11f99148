import { Card, CardContent, Typography } from '@mui/material';
import {
  Form,
  Loading,
  required,
  ResourceContextProvider,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useEffect } from 'react';
import { ApiError, type ApiUser } from '../api/api-client';
import { FormServerError } from '../layout/FormServerError';
import { localeChoices } from '../resources/users/choices';
import { apiClient, authProvider } from '../providers';
import { CalendarFeedCard } from './CalendarFeedCard';
import { ChangePasswordCard } from './ChangePasswordCard';

/**
 * A change of language re-mounts the whole app (react-admin re-renders every string), which
 * drops a toast shown just before; the page shows it once it is mounted again.
 */
let savedWhileSwitchingLocale = false;

/**
 * Every role's own page: display name and language (PATCH /api/auth/me; the language also switches
 * the UI), and the change of password. A volunteer also finds their calendar subscription here.
 */
export const ProfilePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale, setLocale] = useLocaleState();
  const { identity, isPending, refetch } = useGetIdentity();
  useEffect(() => {
    if (!savedWhileSwitchingLocale) return;
    savedWhileSwitchingLocale = false;
    notify('app.profile.saved', { type: 'success' });
  }, [notify]);
  if (isPending || !identity) return <Loading />;

  const save = async (values: Record<string, unknown>) => {
    try {
      const user = await apiClient.request<ApiUser>('/auth/me', {
        method: 'PATCH',
        body: { displayName: values.displayName, locale: values.locale },
      });
      authProvider.forgetMe();
      await refetch();
      if (user.locale !== locale) {
        savedWhileSwitchingLocale = true;
        setLocale(user.locale);
      } else {
        notify('app.profile.saved', { type: 'success' });
      }
    } catch (error) {
      if (error instanceof ApiError && error.body.errors) return error.body.errors;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
    return undefined;
  };

  return (
    <ResourceContextProvider value="users">
      <Card sx={{ mt: 2, maxWidth: 600 }}>
        <Title title="app.profile.title" />
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.profile.title')}
          </Typography>
          <Typography color="text.secondary" gutterBottom>
            {identity.email} · {translate(`app.role.${identity.role}`)}
          </Typography>
          <Form
            record={{ id: identity.id, displayName: identity.displayName, locale: identity.locale }}
            onSubmit={save}
          >
            <FormServerError />
            <TextInput source="displayName" validate={required()} />
            <SelectInput
              source="locale"
              choices={localeChoices}
              validate={required()}
              helperText="app.profile.language_hint"
            />
            <SaveButton />
          </Form>
        </CardContent>
      </Card>
      {identity.role === 'volunteer' && <CalendarFeedCard />}
      <ChangePasswordCard />
    </ResourceContextProvider>
  );
};
