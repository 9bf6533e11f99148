import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A new password typed twice, with the policy's words (or the API's) under the first field. */
export const NewPasswordFields = ({
  password,
  repeat,
  onPassword,
  onRepeat,
  mismatch,
  error,
}: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  mismatch: boolean;
  error?: string;
}) => {
  const translate = useTranslate();
  return (
    <>
      <TextField
        label={translate('app.set_password.password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        required
        fullWidth
        error={!!error}
        helperText={error ?? translate('app.set_password.rule')}
      />
      <TextField
        label={translate('app.set_password.repeat')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => onRepeat(e.target.value)}
        required
        fullWidth
        error={mismatch}
        helperText={mismatch ? translate('app.set_password.mismatch') : undefined}
      />
    </>
  );
};

/** The API's words about this field of a refused answer, if it named the field. */
export function fieldError(
  error: { message: string; body: { code: string; errors?: Record<string, string | { serverError: string }> } } | null,
  field: string,
): string | undefined {
  const given = error?.body.errors?.[field];
  if (given) return typeof given === 'string' ? given : given.serverError;
  return undefined;
}
