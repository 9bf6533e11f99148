import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';
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

/** react-admin's sign-in with the app's name and the language switch (before signing in, too). */
export const LoginPage = () => (
  <Login sx={{ backgroundImage: 'linear-gradient(160deg, #1f5f8b 0%, #0f3550 100%)' }}>
    <DocumentTitle />
    <Heading />
    <LoginForm />
    <Box sx={{ display: 'flex', justifyContent: 'center', pb: 2 }}>
      <LocalesMenuButton />
    </Box>
  </Login>
);
