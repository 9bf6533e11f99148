import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { ApiError } from '../api/api-client';
import { PublicLinkCard } from '../layout/PublicLinkCard';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../lib/use-display-locale';
import { apiClient } from '../providers';

interface InvitationView {
  valid: boolean;
  code?: 'INVITATION_USED' | 'INVITATION_EXPIRED';
  email?: string;
  displayName?: string;
  expiresAt: string;
}

/**
 * The page the invitation e-mail links to (/admin/#/set-password?token=…): no sign-in, the token
 * is the credential. It shows whose account the link is for, takes the password twice, and POSTs
 * /api/auth/invitations/:token; then the user signs in. A used, expired or unknown link says so.
 */
export const SetPasswordPage = () => {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const invitation = useQuery<InvitationView, ApiError>({
    queryKey: ['invitation', token],
    queryFn: () => apiClient.request<InvitationView>(`/auth/invitations/${encodeURIComponent(token)}`, { auth: false }),
    enabled: token.length > 0,
    retry: false,
  });
  const accept = useMutation<void, ApiError>({
    mutationFn: () =>
      apiClient.request<void>(`/auth/invitations/${encodeURIComponent(token)}`, {
        method: 'POST',
        auth: false,
        body: { password },
      }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) accept.mutate();
  };

  const fieldError = (error: ApiError | null) => {
    const given = error?.body.errors?.password;
    if (given) return typeof given === 'string' ? given : given.serverError;
    return error ? translate(`app.errors.codes.${error.body.code}`, { _: error.message }) : undefined;
  };

  const body = () => {
    if (!token || invitation.error?.status === 404)
      return (
        <Alert severity="error" role="alert">
          {translate('app.set_password.not_found')}
        </Alert>
      );
    if (invitation.error)
      return (
        <Alert severity="error" role="alert">
          {invitation.error.message}
        </Alert>
      );
    if (!invitation.data) return <CircularProgress aria-label={translate('ra.page.loading')} />;
    if (accept.isSuccess) {
      return (
        <Stack spacing={2}>
          <Alert severity="success" role="status">
            {translate('app.set_password.done')}
          </Alert>
          <Button variant="contained" size="large" fullWidth href="#/login">
            {translate('app.set_password.sign_in_now')}
          </Button>
        </Stack>
      );
    }
    if (!invitation.data.valid) {
      const key = invitation.data.code === 'INVITATION_USED' ? 'app.set_password.used' : 'app.set_password.expired';
      return (
        <Alert severity="info" role="alert">
          {translate(key)}
        </Alert>
      );
    }
    const { displayName, email, expiresAt } = invitation.data;
    return (
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <Typography>{translate('app.set_password.intro', { name: displayName ?? '', email: email ?? '' })}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.set_password.rule')}
        </Typography>
        <input type="email" name="username" autoComplete="username" value={email ?? ''} readOnly hidden />
        <TextField
          label={translate('app.set_password.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          fullWidth
          error={!!accept.error}
          helperText={fieldError(accept.error)}
        />
        <TextField
          label={translate('app.set_password.repeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          required
          fullWidth
          error={mismatch}
          helperText={mismatch ? translate('app.set_password.mismatch') : undefined}
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          fullWidth
          startIcon={<LockResetIcon />}
          disabled={accept.isPending || !password || !repeat}
        >
          {translate('app.set_password.submit')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {translate('app.set_password.valid_until', { time: formatDateTime(expiresAt, locale) })}
        </Typography>
      </Stack>
    );
  };

  return (
    <PublicLinkCard title="app.set_password.title" signInTo="#/login" signInLabel="app.set_password.sign_in">
      {body()}
    </PublicLinkCard>
  );
};
