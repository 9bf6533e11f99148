import { Box, Card, CardContent, Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LocalesMenuButton, useTranslate } from 'react-admin';
import { DocumentTitle } from './AppTitle';

/**
 * The frame of the pages opened from an e-mail link without signing in (offer, reconfirmation):
 * one card, phone first, the title, the language switch, and a way to the signed-in page.
 */
export const PublicLinkCard = ({
  title,
  signInTo,
  signInLabel,
  children,
}: {
  title: string;
  signInTo: string;
  signInLabel: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        bgcolor: 'grey.100',
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        p: { xs: 1, sm: 4 },
      }}
    >
      <DocumentTitle />
      <Card sx={{ width: '100%', maxWidth: 520 }}>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 1 }}>
            <Typography variant="h5" component="h1">
              {translate(title)}
            </Typography>
            <LocalesMenuButton />
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.name')}
          </Typography>
          {children}
          <Box sx={{ mt: 3 }}>
            <Link href={signInTo}>{translate(signInLabel)}</Link>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
