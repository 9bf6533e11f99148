import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LocalesMenuButton, useTranslate } from 'react-admin';
import { DocumentTitle } from '../layout/AppTitle';

/** The sign-in page's frame (background, app name, language) for the steps after the password. */
export const AuthCard = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        backgroundImage: 'linear-gradient(160deg, #1f5f8b 0%, #0f3550 100%)',
        py: 6,
        px: 2,
      }}
    >
      <DocumentTitle />
      <Card sx={{ width: '100%', maxWidth: 520 }}>
        <CardContent>
          <Typography variant="subtitle2" color="text.secondary" align="center">
            {translate('app.name')}
          </Typography>
          <Typography variant="h6" component="h1" align="center" gutterBottom>
            {translate(title)}
          </Typography>
          {children}
          <Box sx={{ display: 'flex', justifyContent: 'center', pt: 2 }}>
            <LocalesMenuButton />
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
