import { Box, Checkbox, FormControlLabel, Link, Typography } from '@mui/material';
import {
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  required,
  TextInput,
  useInput,
  useTranslate,
} from 'react-admin';
import { DocumentTitle } from './AppTitle';

const Heading = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, textAlign: 'center' }}>
      <Typography variant="h6" component="h1">
        {translate('app.name')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.login.subtitle')}
      </Typography>
    </Box>
  );
};

/** 「ログインしたままにする」: the session cookie then outlives the browser (the refresh-token lifetime). */
const RememberMe = () => {
  const translate = useTranslate();
  const { field } = useInput({ source: 'remember', defaultValue: false });
  return (
    <FormControlLabel
      control={<Checkbox checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} />}
      label={translate('app.login.remember')}
    />
  );
};

/** react-admin's fields, plus 「ログインしたままにする」. */
const Fields = () => {
  const translate = useTranslate();
  return (
    <>
      <TextInput
        autoFocus
        source="username"
        type="email"
        label={translate('ra.auth.username')}
        autoComplete="username"
        validate={required()}
      />
      <PasswordInput
        source="password"
        label={translate('ra.auth.password')}
        autoComplete="current-password"
        validate={required()}
      />
      <RememberMe />
    </>
  );
};

const ForgotPassword = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', pb: 1 }}>
      <Link href="#/forgot-password">{translate('app.login.forgot')}</Link>
    </Box>
  );
};

/** The sign-in: the app's name, the form, the way to a forgotten password, and the language switch. */
export const LoginPage = () => (
  <Login sx={{ backgroundImage: 'linear-gradient(160deg, #1f5f8b 0%, #0f3550 100%)' }}>
    <DocumentTitle />
    <Heading />
    <LoginForm>
      <Fields />
    </LoginForm>
    <ForgotPassword />
    <Box sx={{ display: 'flex', justifyContent: 'center', pb: 2 }}>
      <LocalesMenuButton />
    </Box>
  </Login>
);
