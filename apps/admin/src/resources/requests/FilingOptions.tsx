import { Alert } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { tokyoIso } from '../../lib/tokyo-input';
import { urgentIfFiledNow } from './request-state';

/**
 * The lead-time rule while the form is filled in: as soon as the date and start time are given,
 * whether filing now makes the request 至急 (fewer business days ahead than the programme asks),
 * by the rule the API applies on saving.
 */
export const LeadTimeNotice = () => {
  const translate = useTranslate();
  const [now] = useState(() => new Date());
  const date = useWatch({ name: 'date' }) as string | undefined;
  const start = useWatch({ name: 'startsAt' }) as string | undefined;
  const urgent = urgentIfFiledNow(date && start ? tokyoIso(date, start) : null, now);
  if (urgent === null) return null;
  return urgent ? (
    <Alert severity="warning" sx={{ width: '100%' }} data-testid="lead-time">
      {translate('app.desk.create.urgent')}
    </Alert>
  ) : (
    <Alert severity="success" sx={{ width: '100%' }} data-testid="lead-time">
      {translate('app.desk.create.in_time')}
    </Alert>
  );
};

/** 保留で登録: file the request without asking or mailing anyone until it is released. */
export const OnHoldInput = () => (
  <BooleanInput source="onHold" label="app.desk.create.on_hold" helperText="app.desk.create.on_hold_hint" />
);
