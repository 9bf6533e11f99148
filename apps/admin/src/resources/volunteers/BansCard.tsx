import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Confirm, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ApiError } from '../../api/api-client';
import { formatDate } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { apiClient } from '../../providers';
import { banBody, isWholeReference, normaliseReference, type BanKind } from './ban-body';

export interface BanRecord {
  id: string;
  hospitalId: string | null;
  patientKey: string | null;
  reason: string;
  createdAt: string;
}

interface HospitalOption {
  id: string;
  name: string;
}

/** Field errors of an API answer (`body.errors`), as plain strings. */
const fieldErrors = (error: unknown): Record<string, string> => {
  if (!(error instanceof ApiError) || !error.body.errors) return {};
  return Object.fromEntries(
    Object.entries(error.body.errors).map(([k, v]) => [k, typeof v === 'string' ? v : v.serverError]),
  );
};

/**
 * 派遣除外 on the volunteer's page (staff): the hospitals and patients who asked not to have this
 * volunteer (matching leaves the volunteer out of their requests: BANNED), added with a hospital
 * or a request's reference (the patient of that request), and lifted after a confirmation.
 */
export const BansCard = ({
  volunteerId,
  displayName,
  bans,
}: {
  volunteerId: string;
  displayName: string;
  bans: BanRecord[];
}) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data: hospitals = [] } = useGetList<HospitalOption>('hospitals', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const hospitalName = (id: string) => hospitals.find((h) => h.id === id)?.name ?? '…';
  const [adding, setAdding] = useState(false);
  const [lifting, setLifting] = useState<BanRecord | null>(null);
  const [busy, setBusy] = useState(false);

  const lift = async () => {
    if (!lifting) return;
    setBusy(true);
    try {
      await apiClient.request(`/volunteers/${volunteerId}/bans/${lifting.id}`, { method: 'DELETE' });
      notify('app.bans.lifted', { type: 'success' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
      setLifting(null);
    }
  };

  return (
    <Box component="section" aria-label={translate('app.bans.title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.bans.hint')}
      </Typography>
      {bans.length === 0 ? (
        <Typography color="text.secondary">{translate('app.bans.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.bans.who')}</TableCell>
              <TableCell>{translate('app.bans.reason')}</TableCell>
              <TableCell>{translate('app.bans.since')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {bans.map((ban) => (
              <TableRow key={ban.id} data-testid="ban-row">
                <TableCell>
                  {ban.hospitalId
                    ? translate('app.bans.by_hospital', { name: hospitalName(ban.hospitalId) })
                    : translate('app.bans.by_patient')}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{ban.reason}</TableCell>
                <TableCell>{formatDate(ban.createdAt, locale)}</TableCell>
                <TableCell align="right">
                  <IconButton aria-label={translate('app.bans.lift')} onClick={() => setLifting(ban)}>
                    <DeleteIcon />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Button startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => setAdding(true)}>
        {translate('app.bans.add')}
      </Button>
      {adding && (
        <AddBanDialog
          volunteerId={volunteerId}
          displayName={displayName}
          hospitals={hospitals}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            notify('app.bans.added', { type: 'success' });
            refresh();
          }}
        />
      )}
      <Confirm
        isOpen={!!lifting}
        loading={busy}
        title={translate('app.bans.lift_title', { name: displayName })}
        content={
          lifting
            ? translate('app.bans.lift_content', {
                who: lifting.hospitalId
                  ? translate('app.bans.by_hospital', { name: hospitalName(lifting.hospitalId) })
                  : translate('app.bans.by_patient'),
              })
            : ''
        }
        confirm="app.bans.lift"
        cancel="app.bans.close"
        onConfirm={() => void lift()}
        onClose={() => setLifting(null)}
      />
    </Box>
  );
};

const AddBanDialog = ({
  volunteerId,
  displayName,
  hospitals,
  onClose,
  onAdded,
}: {
  volunteerId: string;
  displayName: string;
  hospitals: HospitalOption[];
  onClose: () => void;
  onAdded: () => void;
}) => {
  const translate = useTranslate();
  const [kind, setKind] = useState<BanKind>('hospital');
  const [hospitalId, setHospitalId] = useState('');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setErrors({});
    setProblem(null);
    const local: Record<string, string> = {};
    if (kind === 'hospital' && !hospitalId) local.hospitalId = translate('app.bans.pick_hospital');
    if (kind === 'patient' && !isWholeReference(normaliseReference(reference)))
      local.reference = translate(normaliseReference(reference) ? 'app.bans.bad_reference' : 'app.bans.give_reference');
    if (!reason.trim()) local.reason = translate('ra.validation.required');
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    try {
      let requestId: string | undefined;
      if (kind === 'patient') {
        const ref = normaliseReference(reference);
        const found = await apiClient.request<{ data: { id: string; reference: string }[] }>(
          `/requests?reference=${encodeURIComponent(ref)}`,
        );
        // The search also matches a reference's start: only the whole one counts here.
        const request = found.data.find((r) => r.reference.toUpperCase() === ref);
        if (!request) {
          setErrors({ reference: translate('app.bans.no_request', { reference: ref }) });
          return;
        }
        requestId = request.id;
      }
      await apiClient.request(`/volunteers/${volunteerId}/bans`, {
        method: 'POST',
        body: banBody({ kind, hospitalId, requestId, reason }),
      });
      onAdded();
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.requestId) fields.reference = fields.requestId;
      if (Object.keys(fields).length) setErrors(fields);
      else setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="add-ban-title">
      <DialogTitle id="add-ban-title">{translate('app.bans.add_title', { name: displayName })}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.bans.add_hint')}
        </Typography>
        <RadioGroup
          row
          aria-label={translate('app.bans.who')}
          value={kind}
          onChange={(e) => setKind(e.target.value as BanKind)}
        >
          <FormControlLabel value="hospital" control={<Radio />} label={translate('app.bans.kind_hospital')} />
          <FormControlLabel value="patient" control={<Radio />} label={translate('app.bans.kind_patient')} />
        </RadioGroup>
        {kind === 'hospital' ? (
          <TextField
            select
            label={translate('app.bans.hospital')}
            value={hospitalId}
            onChange={(e) => {
              setHospitalId(e.target.value);
              setErrors(({ hospitalId: _, ...rest }) => rest);
            }}
            error={!!errors.hospitalId}
            helperText={errors.hospitalId ?? ' '}
          >
            {hospitals.map((h) => (
              <MenuItem key={h.id} value={h.id}>
                {h.name}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            label={translate('app.bans.reference')}
            value={reference}
            onChange={(e) => {
              setReference(e.target.value);
              setErrors(({ reference: _, ...rest }) => rest);
            }}
            error={!!errors.reference}
            helperText={errors.reference ?? translate('app.bans.reference_hint')}
            inputProps={{ autoCapitalize: 'characters', spellCheck: false }}
          />
        )}
        <TextField
          label={translate('app.bans.reason')}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors(({ reason: _, ...rest }) => rest);
          }}
          error={!!errors.reason}
          helperText={errors.reason ?? translate('app.bans.reason_hint')}
          multiline
          minRows={2}
          inputProps={{ maxLength: 500 }}
        />
        {problem && (
          <Alert severity="error" role="alert">
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.bans.close')}</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy}>
          {translate('app.bans.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
