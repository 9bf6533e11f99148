import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Title, useTranslate } from 'react-admin';

/** What a role sees on a page it may not open: words, and a way back — never the data. */
export const AccessDenied = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }} role="alert">
      <Title title="app.access_denied.title" />
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
          <LockOutlinedIcon color="warning" fontSize="large" />
          <Typography variant="h5" component="h1">
            {translate('app.access_denied.title')}
          </Typography>
        </Box>
        <Typography sx={{ mb: 2 }}>{translate('app.access_denied.message')}</Typography>
        <Button variant="contained" component={Link} to="/">
          {translate('app.access_denied.back')}
        </Button>
      </CardContent>
    </Card>
  );
};
