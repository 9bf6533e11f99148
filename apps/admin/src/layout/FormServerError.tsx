import { Alert } from '@mui/material';
import { useFormState } from 'react-hook-form';

/**
 * The API's message for a refused save, with its request id, above the form; the field errors
 * themselves are on the fields. react-admin only shows a toast when no field was named.
 */
export const FormServerError = () => {
  const { errors } = useFormState();
  const message = (errors.root as { serverError?: { message?: unknown } } | undefined)?.serverError?.message;
  if (typeof message !== 'string') return null;
  return (
    <Alert severity="error" role="alert" sx={{ width: '100%', mb: 1 }}>
      {message}
    </Alert>
  );
};
