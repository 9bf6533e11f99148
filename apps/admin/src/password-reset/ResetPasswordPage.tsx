import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { ApiError } from '../api/api-client';
import { PublicLinkCard } from '../layout/PublicLinkCard';
import { apiClient } from '../providers';
import { fieldError, NewPasswordFields } from './NewPasswordFields';

/**
 * The page the password-reset mail links to (/admin/#/reset-password?token=…): no sign-in, the
 * token is the credential. The new password twice, POST /api/auth/password-reset/:token; then the
 * user signs in with it (every other session has ended). A used, expired or unknown link (410)
 * says so and offers a new request.
 */
export const ResetPasswordPage = () => {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const translate = useTranslate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation<void, ApiError>({
    mutationFn: () =>
      apiClient.request<void>(`/auth/password-reset/${encodeURIComponent(token)}`, {
        method: 'POST',
        auth: false,
        body: { password },
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) reset.mutate();
  };

  const body = () => {
    if (!token || reset.error?.status === 410)
      return (
        <Stack spacing={2}>
          <Alert severity="info" role="alert">
            {translate('app.reset_password.expired')}
          </Alert>
          <Button variant="outlined" href="#/forgot-password">
            {translate('app.reset_password.request_again')}
          </Button>
        </Stack>
      );
    if (reset.isSuccess)
      return (
        <Stack spacing={2}>
          <Alert severity="success" role="status">
            {translate('app.reset_password.done')}
          </Alert>
          <Button variant="contained" size="large" fullWidth href="#/login">
            {translate('app.set_password.sign_in_now')}
          </Button>
        </Stack>
      );
    const error = reset.error ? (fieldError(reset.error, 'password') ?? reset.error.message) : undefined;
    return (
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <Typography>{translate('app.reset_password.intro')}</Typography>
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          mismatch={mismatch}
          error={error}
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          fullWidth
          startIcon={<LockResetIcon />}
          disabled={reset.isPending || !password || !repeat}
        >
          {translate('app.reset_password.submit')}
        </Button>
      </Stack>
    );
  };

  return (
    <PublicLinkCard title="app.reset_password.title" signInTo="#/login" signInLabel="app.forgot_password.sign_in">
      {body()}
    </PublicLinkCard>
  );
};
