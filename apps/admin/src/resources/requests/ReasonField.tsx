import { TextField } from '@mui/material';

/** The required free-text reason of a cancellation (the API takes up to 500 characters). */
export const ReasonField = ({
  label,
  value,
  onChange,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) => (
  <TextField
    autoFocus={autoFocus}
    required
    fullWidth
    multiline
    margin="normal"
    label={label}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    slotProps={{ htmlInput: { maxLength: 500 } }}
  />
);
