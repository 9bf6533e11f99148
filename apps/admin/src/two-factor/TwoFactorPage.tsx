import { Alert, Box, Button, Card, CardContent, Divider, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { TokenPair } from '../api/api-client';
import { apiClient, authProvider } from '../providers';
import { AuthCard } from './AuthCard';
import { BackToLogin } from './TwoFactorVerifyPage';

interface Status {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}
interface Setup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}
type EnableAnswer = { recoveryCodes: string[] } & Partial<TokenPair>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A code field with its submit button and the API's answer when it refuses. */
const CodeForm = ({
  label,
  onSubmit,
  error,
  name,
}: {
  label: string;
  onSubmit: (code: string) => Promise<void>;
  error: string | null;
  name: string;
}) => {
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await onSubmit(code.trim());
    setBusy(false);
  };
  return (
    <Box
      component="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mt: 1 }}
    >
      <TextField
        name={name}
        label={translate('app.two_factor.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="one-time-code"
        error={!!error}
        helperText={error ?? ' '}
        size="small"
        sx={{ flex: '0 1 18em' }}
        slotProps={{ htmlInput: { maxLength: 40 } }}
      />
      <Button type="submit" variant="contained" disabled={busy || code.trim().length < 6}>
        {translate(label)}
      </Button>
    </Box>
  );
};

/** The ten recovery codes, shown once, until the user says they are saved. */
const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('app.two_factor.recovery_title')}
      </Typography>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('app.two_factor.recovery_intro')}
      </Alert>
      <Box
        component="ul"
        data-testid="recovery-codes"
        sx={{
          fontFamily: 'monospace',
          fontSize: '1.05rem',
          listStyle: 'none',
          p: 0,
          my: 2,
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(13em, 1fr))',
          gap: 1,
          textAlign: 'center',
        }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </Box>
      <Button variant="contained" onClick={onDone}>
        {translate('app.two_factor.recovery_saved')}
      </Button>
    </Box>
  );
};

/**
 * Enrolment: the QR code (and the secret for typing in), the first code, then the ten recovery
 * codes. With `mfaToken` it is the enrolment a login requires (STAFF_2FA=required): the API answers
 * the session with the recovery codes.
 */
const Enrol = ({ mfaToken, onEnabled }: { mfaToken?: string; onEnabled: (answer: EnableAnswer) => void }) => {
  const translate = useTranslate();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const auth = mfaToken === undefined;

  const start = async () => {
    setError(null);
    try {
      setSetup(
        await apiClient.request<Setup>('/auth/2fa/setup', { method: 'POST', body: mfaToken ? { mfaToken } : {}, auth }),
      );
    } catch (e) {
      setError(message(e));
    }
  };
  const enable = async (code: string) => {
    setError(null);
    try {
      onEnabled(
        await apiClient.request<EnableAnswer>('/auth/2fa/enable', {
          method: 'POST',
          body: mfaToken ? { code, mfaToken, ...apiClient.sessionMode() } : { code },
          auth,
        }),
      );
    } catch (e) {
      setError(message(e));
    }
  };

  if (!setup) {
    return (
      <Box>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <Button variant="contained" onClick={() => void start()}>
          {translate('app.two_factor.start')}
        </Button>
      </Box>
    );
  }
  return (
    <Box>
      <Typography gutterBottom>{translate('app.two_factor.step_scan')}</Typography>
      <Box sx={{ textAlign: 'center' }}>
        <img src={setup.qrDataUrl} alt={translate('app.two_factor.qr_alt')} width={200} height={200} />
      </Box>
      <Typography variant="body2" color="text.secondary">
        {translate('app.two_factor.manual')}
      </Typography>
      <Typography data-testid="totp-secret" sx={{ fontFamily: 'monospace', wordBreak: 'break-all', mb: 2 }}>
        {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
      </Typography>
      <Typography gutterBottom>{translate('app.two_factor.step_code')}</Typography>
      <CodeForm name="code" label="app.two_factor.enable" onSubmit={enable} error={error} />
    </Box>
  );
};

/** Enrolment forced at sign-in (`mfaSetupRequired`): outside the layout, no session yet. */
export const TwoFactorEnrolPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending] = useState(() => authProvider.pendingMfa());

  if (!pending?.mfaSetupRequired && !codes) {
    return (
      <AuthCard title="app.two_factor.title">
        <Alert severity="info">{translate('app.two_factor.expired')}</Alert>
        <BackToLogin />
      </AuthCard>
    );
  }
  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: ['auth'] });
    void navigate(authProvider.returnTo.take());
  };
  return (
    <AuthCard title="app.two_factor.title">
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => void finish()} />
      ) : (
        <>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.two_factor.enrol_forced')}
          </Alert>
          <Enrol
            mfaToken={pending!.mfaToken}
            onEnabled={(answer) => {
              if (answer.accessToken) authProvider.signedInWith(answer as TokenPair);
              setCodes(answer.recoveryCodes);
            }}
          />
        </>
      )}
    </AuthCard>
  );
};

/** A signed-in staff member's or admin's own page: status, enrolment, turning it off. */
export const TwoFactorPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [status, setStatus] = useState<Status | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await apiClient.request<Status>('/auth/2fa'));
    } catch (e) {
      setError(message(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const disable = async (code: string) => {
    setError(null);
    try {
      await apiClient.request('/auth/2fa/disable', { method: 'POST', body: { code } });
      notify('app.two_factor.disabled', { type: 'success' });
      await load();
    } catch (e) {
      setError(message(e));
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title="app.two_factor.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('app.two_factor.title')}
        </Typography>
        {!status && !error && <Loading />}
        {!status && error && <Alert severity="error">{error}</Alert>}
        {codes ? (
          <RecoveryCodes
            codes={codes}
            onDone={() => {
              setCodes(null);
              void load();
            }}
          />
        ) : status?.enabled ? (
          <Box>
            <Alert severity="success" sx={{ mb: 1 }}>
              {translate('app.two_factor.status_on')}{' '}
              {translate('app.two_factor.recovery_left', { count: status.recoveryCodesLeft })}
            </Alert>
            {status.required ? (
              <Typography color="text.secondary">{translate('app.two_factor.required_note')}</Typography>
            ) : (
              <>
                <Divider sx={{ my: 2 }} />
                <Typography variant="h6" component="h2">
                  {translate('app.two_factor.disable_title')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {translate('app.two_factor.disable_intro')}
                </Typography>
                <CodeForm name="disableCode" label="app.two_factor.disable" onSubmit={disable} error={error} />
              </>
            )}
          </Box>
        ) : status ? (
          <Box>
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('app.two_factor.status_off')}
            </Alert>
            <Enrol
              onEnabled={(answer) => {
                notify('app.two_factor.enabled', { type: 'success' });
                setCodes(answer.recoveryCodes);
              }}
            />
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
