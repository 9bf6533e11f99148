import PasswordIcon from '@mui/icons-material/Password';
import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import type { ApiError } from '../api/api-client';
import { fieldError, NewPasswordFields } from '../password-reset/NewPasswordFields';
import { apiClient } from '../providers';

/**
 * The profile's change of password (POST /api/auth/password): the current one proves it is the
 * user. The API ends every other session and moves the session generation on, so this tab takes a
 * fresh access token from its cookie at once.
 */
export const ChangePasswordCard = () => {
  const translate = useTranslate();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation<void, ApiError>({
    mutationFn: async () => {
      await apiClient.request<void>('/auth/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: password },
      });
      await apiClient.refresh();
    },
    onSuccess: () => {
      setCurrent('');
      setPassword('');
      setRepeat('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) change.mutate();
  };
  const currentError = fieldError(change.error, 'currentPassword');
  const newError = fieldError(change.error, 'newPassword');
  return (
    <Card sx={{ mt: 2, maxWidth: 600 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.change_password.title')}
        </Typography>
        <Stack component="form" spacing={2} onSubmit={submit} noValidate>
          {change.isSuccess && (
            <Alert severity="success" role="status">
              {translate('app.change_password.done')}
            </Alert>
          )}
          {change.error && !currentError && !newError && (
            <Alert severity="error" role="alert">
              {change.error.message}
            </Alert>
          )}
          <TextField
            label={translate('app.change_password.current')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
            fullWidth
            error={!!currentError}
            helperText={currentError}
          />
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            mismatch={mismatch}
            error={newError}
          />
          <Button
            type="submit"
            variant="contained"
            startIcon={<PasswordIcon />}
            disabled={change.isPending || !current || !password || !repeat}
          >
            {translate('app.change_password.submit')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};
