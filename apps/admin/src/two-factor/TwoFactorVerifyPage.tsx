import { Alert, Box, Button, Link as MuiLink, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { authProvider } from '../providers';
import { AuthCard } from './AuthCard';

/** The second step of a login with two-factor sign-in: a code from the app, or a recovery code. */
export const TwoFactorVerifyPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!authProvider.pendingMfa()) {
    return (
      <AuthCard title="app.two_factor.verify_title">
        <Alert severity="info">{translate('app.two_factor.expired')}</Alert>
        <BackToLogin />
      </AuthCard>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authProvider.verifyMfa(code.trim());
      await queryClient.invalidateQueries({ queryKey: ['auth'] });
      void navigate(authProvider.returnTo.take());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <AuthCard title="app.two_factor.verify_title">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.two_factor.verify_intro')}
      </Typography>
      <Box component="form" onSubmit={(event) => void submit(event)} noValidate>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <TextField
          name="code"
          label={translate('app.two_factor.code')}
          helperText={translate('app.two_factor.code_hint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          autoFocus
          fullWidth
          slotProps={{ htmlInput: { inputMode: 'text', maxLength: 40 } }}
        />
        <Button type="submit" variant="contained" fullWidth sx={{ mt: 2 }} disabled={busy || code.trim().length < 6}>
          {translate('app.two_factor.verify')}
        </Button>
      </Box>
      <BackToLogin />
    </AuthCard>
  );
};

export const BackToLogin = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 2 }}>
      <MuiLink component={Link} to="/login">
        {translate('app.two_factor.back_to_login')}
      </MuiLink>
    </Box>
  );
};
