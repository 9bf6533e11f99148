import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  InputAdornment,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CanAccess, Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import { canRoleAccess, type Role } from '../access';
import { ApiError } from '../api/api-client';
import { formatYen } from '../figures/format';
import { AccessDenied } from '../layout/AccessDenied';
import { formatDate, TRANSPORT_MODES } from '@app/domain/model';
import { tokyoDateOf } from '../lib/tokyo-input';
import { useDisplayLocale } from '../lib/use-display-locale';
import { apiClient } from '../providers';
import { appliesTo, firstOfNextMonth, ruleRows, untilForNew, type FeeRule, type RuleState } from './fee-rules';

const RULES = ['fee-rules'];

const AMOUNTS = [
  'hospitalBaseYen',
  'hospitalExtraHourYen',
  'lateCancellationYen',
  'patientNoShowYen',
  'volunteerFlatYen',
] as const;

type Draft = Record<(typeof AMOUNTS)[number] | 'baseMinutes', string> & {
  validFrom: string;
  volunteerTransport: FeeRule['volunteerTransport'];
  traineeTransportPaid: boolean;
};

const STATE_COLOR: Record<RuleState, 'success' | 'info' | 'default'> = {
  in_force: 'success',
  upcoming: 'info',
  superseded: 'default',
};

/** A Tokyo date as the office reads it (2027年1月1日(金)). */
const day = (date: string, locale: 'ja' | 'en') => formatDate(`${date}T12:00:00+09:00`, locale);

/**
 * 料金ルール: what hospitals pay and volunteers receive, rule by rule with the date each applies
 * from and the months it prices (staff read; an admin adds a rule from a future date — the API
 * refuses today or earlier, FEE_RULE_NOT_FUTURE, and a second rule on one date, FEE_RULE_EXISTS).
 */
export const FeeRulesPage = () => (
  <CanAccess resource="fee-rules" action="list" accessDenied={<AccessDenied />}>
    <FeeRules />
  </CanAccess>
);

const FeeRules = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { permissions } = usePermissions<Role>();
  const today = tokyoDateOf(new Date());
  const { data, error, isPending } = useQuery({
    queryKey: RULES,
    queryFn: () => apiClient.request<FeeRule[]>('/fee-rules'),
  });
  const rows = data ? ruleRows(data, today) : [];
  const yen = (n: number) => formatYen(n, locale);
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('app.fee_rules.title')} />
      <Card component="section" aria-label={translate('app.fee_rules.list_title')}>
        <CardContent>
          <Typography variant="h6" component="h2">
            {translate('app.fee_rules.list_title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.fee_rules.list_hint')}
          </Typography>
          {error && <Alert severity="error">{error.message}</Alert>}
          {isPending && <Typography color="text.secondary">…</Typography>}
          {data && rows.length === 0 && <Typography>{translate('app.fee_rules.empty')}</Typography>}
          {rows.length > 0 && (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" sx={{ '& th, & td:not(:first-of-type)': { whiteSpace: 'nowrap' } }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.fee_rules.valid_from')}</TableCell>
                    <TableCell>{translate('app.fee_rules.hospital_base')}</TableCell>
                    <TableCell>{translate('app.fee_rules.extra_hour')}</TableCell>
                    <TableCell>{translate('app.fee_rules.late_cancellation')}</TableCell>
                    <TableCell>{translate('app.fee_rules.patient_no_show')}</TableCell>
                    <TableCell>{translate('app.fee_rules.volunteer_flat')}</TableCell>
                    <TableCell>{translate('app.fee_rules.transport')}</TableCell>
                    <TableCell>{translate('app.fee_rules.trainee_transport')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow
                      key={r.id}
                      data-testid="fee-rule-row"
                      sx={r.state === 'superseded' ? { '& td': { color: 'text.secondary' } } : undefined}
                    >
                      <TableCell>
                        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                          <strong>{day(r.validFrom, locale)}</strong>
                          <Chip
                            size="small"
                            color={STATE_COLOR[r.state]}
                            label={translate(`app.fee_rules.state.${r.state}`)}
                          />
                        </Box>
                        <Typography variant="caption" color="text.secondary" component="div">
                          {appliesTo(r.validFrom, r.until, locale)}
                        </Typography>
                      </TableCell>
                      <TableCell>
                        {yen(r.hospitalBaseYen)}
                        <Typography variant="caption" color="text.secondary" component="div">
                          {translate('app.fee_rules.up_to_minutes', { minutes: r.baseMinutes })}
                        </Typography>
                      </TableCell>
                      <TableCell>{yen(r.hospitalExtraHourYen)}</TableCell>
                      <TableCell>{yen(r.lateCancellationYen)}</TableCell>
                      <TableCell>{yen(r.patientNoShowYen)}</TableCell>
                      <TableCell>{yen(r.volunteerFlatYen)}</TableCell>
                      <TableCell>{translate(`app.fee_rules.transport_mode.${r.volunteerTransport}`)}</TableCell>
                      <TableCell data-testid="trainee-transport">
                        {translate(`app.fee_rules.trainee_transport_paid.${r.traineeTransportPaid ? 'yes' : 'no'}`)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
        </CardContent>
      </Card>
      {data &&
        (canRoleAccess(permissions, 'fee-rules', 'create') ? (
          <NewRuleForm rules={data} today={today} />
        ) : (
          <Alert severity="info">{translate('app.fee_rules.admin_only')}</Alert>
        ))}
    </Box>
  );
};

const NewRuleForm = ({ rules, today }: { rules: FeeRule[]; today: string }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const base = ruleRows(rules, today).find((r) => r.state === 'in_force');
  const fresh = (): Draft => ({
    validFrom: firstOfNextMonth(today),
    hospitalBaseYen: String(base?.hospitalBaseYen ?? 3000),
    baseMinutes: String(base?.baseMinutes ?? 120),
    hospitalExtraHourYen: String(base?.hospitalExtraHourYen ?? 1000),
    lateCancellationYen: String(base?.lateCancellationYen ?? 3000),
    patientNoShowYen: String(base?.patientNoShowYen ?? 3000),
    volunteerFlatYen: String(base?.volunteerFlatYen ?? 3000),
    volunteerTransport: base?.volunteerTransport ?? 'included',
    traineeTransportPaid: base?.traineeTransportPaid ?? false,
  });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation<FeeRule, Error, Draft>({
    mutationFn: (d) =>
      apiClient.request<FeeRule>('/fee-rules', {
        method: 'POST',
        body: {
          validFrom: d.validFrom,
          baseMinutes: Number(d.baseMinutes),
          volunteerTransport: d.volunteerTransport,
          traineeTransportPaid: d.traineeTransportPaid,
          ...Object.fromEntries(AMOUNTS.map((k) => [k, Number(d[k])])),
        },
      }),
    onMutate: () => setErrors({}),
    onSuccess: (rule) => {
      notify(translate('app.fee_rules.added', { date: day(rule.validFrom, locale) }), { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: RULES });
    },
    onError: (e) => {
      const body = e instanceof ApiError ? e.body : null;
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(body?.errors ?? {})) {
        if (k !== 'root') fields[k] = typeof v === 'string' ? v : v.serverError;
      }
      // A second rule on a date names no field; it is the date's problem.
      if (body?.code === 'FEE_RULE_EXISTS') fields.validFrom = e.message;
      setErrors(Object.keys(fields).length ? fields : { root: e.message });
    },
  });
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [key]: e.target.value }));
    // The API's word on a field stands until the field changes.
    setErrors(({ [key]: _, ...rest }) => rest);
  };
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(draft.validFrom);
  const number = (key: (typeof AMOUNTS)[number] | 'baseMinutes', label: string, unit: string) => (
    <TextField
      key={key}
      label={translate(label)}
      type="number"
      value={draft[key]}
      onChange={set(key)}
      error={!!errors[key]}
      helperText={errors[key] ?? ' '}
      slotProps={{
        input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> },
        htmlInput: { min: 0, step: key === 'baseMinutes' ? 15 : 100 },
      }}
    />
  );
  return (
    <Card component="section" aria-label={translate('app.fee_rules.new_title')}>
      <CardContent sx={{ display: 'grid', gap: 2 }}>
        <Box>
          <Typography variant="h6" component="h2">
            {translate('app.fee_rules.new_title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.fee_rules.new_hint')}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            label={translate('app.fee_rules.valid_from')}
            type="date"
            value={draft.validFrom}
            onChange={set('validFrom')}
            error={!!errors.validFrom}
            helperText={
              errors.validFrom ??
              (validDate ? appliesTo(draft.validFrom, untilForNew(rules, draft.validFrom), locale) : ' ')
            }
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: firstDayAfter(today) } }}
            sx={{ width: 300, maxWidth: '100%' }}
          />
        </Box>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(3, minmax(0, 1fr))' },
          }}
        >
          {number('hospitalBaseYen', 'app.fee_rules.hospital_base', translate('app.fee_rules.yen'))}
          {number('baseMinutes', 'app.fee_rules.base_minutes', translate('app.fee_rules.minutes'))}
          {number('hospitalExtraHourYen', 'app.fee_rules.extra_hour', translate('app.fee_rules.yen'))}
          {number('lateCancellationYen', 'app.fee_rules.late_cancellation', translate('app.fee_rules.yen'))}
          {number('patientNoShowYen', 'app.fee_rules.patient_no_show', translate('app.fee_rules.yen'))}
          {number('volunteerFlatYen', 'app.fee_rules.volunteer_flat', translate('app.fee_rules.yen'))}
        </Box>
        <Box>
          <Typography variant="body2">{translate('app.fee_rules.transport')}</Typography>
          <RadioGroup
            row
            aria-label={translate('app.fee_rules.transport')}
            value={draft.volunteerTransport}
            onChange={(e) =>
              setDraft((d) => ({ ...d, volunteerTransport: e.target.value as Draft['volunteerTransport'] }))
            }
          >
            {TRANSPORT_MODES.map((mode) => (
              <FormControlLabel
                key={mode}
                value={mode}
                control={<Radio />}
                label={translate(`app.fee_rules.transport_mode.${mode}`)}
              />
            ))}
          </RadioGroup>
          {errors.volunteerTransport && <Typography color="error">{errors.volunteerTransport}</Typography>}
        </Box>
        <Box>
          <FormControlLabel
            control={
              <Checkbox
                checked={draft.traineeTransportPaid}
                onChange={(e) => setDraft((d) => ({ ...d, traineeTransportPaid: e.target.checked }))}
              />
            }
            label={translate('app.fee_rules.trainee_transport_label')}
          />
          <Typography variant="body2" color="text.secondary">
            {errors.traineeTransportPaid ?? translate('app.fee_rules.trainee_transport_hint')}
          </Typography>
        </Box>
        {errors.root && (
          <Alert severity="error" role="alert">
            {errors.root}
          </Alert>
        )}
        <Box>
          <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate(draft)}>
            {translate('app.fee_rules.submit')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};

function firstDayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
