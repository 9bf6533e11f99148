import SendIcon from '@mui/icons-material/Send';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import type { ApiError } from '../api/api-client';
import { PublicLinkCard } from '../layout/PublicLinkCard';
import { apiClient } from '../providers';

/**
 * 「パスワードをお忘れですか」: the address, then the same words whatever it was (the API answers an
 * unknown address as it answers a known one). The mail's link opens ResetPasswordPage.
 */
export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const [email, setEmail] = useState('');
  const request = useMutation<void, ApiError>({
    mutationFn: () =>
      apiClient.request<void>('/auth/password-reset', { method: 'POST', auth: false, body: { email: email.trim() } }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) request.mutate();
  };
  const emailError = request.error?.body.errors?.email;
  return (
    <PublicLinkCard title="app.forgot_password.title" signInTo="#/login" signInLabel="app.forgot_password.sign_in">
      {request.isSuccess ? (
        <Alert severity="success" role="status">
          {translate('app.forgot_password.sent')}
        </Alert>
      ) : (
        <Stack component="form" spacing={2} onSubmit={submit} noValidate>
          <Typography>{translate('app.forgot_password.intro')}</Typography>
          <TextField
            label={translate('app.forgot_password.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            fullWidth
            error={!!request.error}
            helperText={
              emailError
                ? typeof emailError === 'string'
                  ? emailError
                  : emailError.serverError
                : request.error?.message
            }
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            fullWidth
            startIcon={<SendIcon />}
            disabled={request.isPending || !email.trim()}
          >
            {translate('app.forgot_password.submit')}
          </Button>
        </Stack>
      )}
    </PublicLinkCard>
  );
};
