import { Box, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { CanAccess, Title, useLocaleState, useTranslate } from 'react-admin';
import { FiscalYearPicker } from '../figures/FiscalYearPicker';
import { AccessDenied } from '../layout/AccessDenied';
import { fiscalYearOf, fiscalYearRange, tokyoParts } from '@app/domain/model';
import { DownloadButton } from './DownloadButton';
import { StatementTable } from './StatementTable';

const pad = (n: number) => String(n).padStart(2, '0');

function currentMonth(): string {
  const p = tokyoParts(new Date());
  return `${p.year}-${pad(p.month)}`;
}

const Section = ({ title, hint, children }: { title: string; hint: string; children: ReactNode }) => (
  <Card component="section" aria-label={title} sx={{ mt: 2 }}>
    <CardContent sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {hint}
        </Typography>
      </Box>
      {children}
    </CardContent>
  </Card>
);

const Buttons = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gap: 1,
      gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' },
    }}
  >
    {children}
  </Box>
);

/** Dispatches and training attendance over a date range (a fiscal year by default). */
const RangeExports = () => {
  const translate = useTranslate();
  // The files' headers and labels in the panel's language (the API's `lang`, Japanese by default).
  const [lang] = useLocaleState();
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearOf(new Date()));
  const [range, setRange] = useState(() => fiscalYearRange(fiscalYear));
  const query = { ...range, lang };
  const valid = !!range.from && !!range.to && range.from <= range.to;
  const pickYear = (year: number) => {
    setFiscalYear(year);
    setRange(fiscalYearRange(year));
  };
  return (
    <Section title={translate('app.exports.range_title')} hint={translate('app.exports.range_hint')}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <FiscalYearPicker value={fiscalYear} onChange={pickYear} />
        <TextField
          size="small"
          fullWidth={false}
          type="date"
          label={translate('app.exports.from')}
          value={range.from}
          onChange={(e) => setRange({ ...range, from: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          fullWidth={false}
          type="date"
          label={translate('app.exports.to')}
          value={range.to}
          onChange={(e) => setRange({ ...range, to: e.target.value })}
          error={!valid}
          helperText={valid ? undefined : translate('app.exports.range_invalid')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Buttons>
        <DownloadButton
          path="/exports/dispatches.csv"
          query={query}
          disabled={!valid}
          label={translate('app.exports.dispatches_csv')}
        />
        <DownloadButton
          path="/exports/dispatches.xlsx"
          query={query}
          disabled={!valid}
          label={translate('app.exports.dispatches_xlsx')}
        />
        <DownloadButton
          path="/exports/attendance.csv"
          query={query}
          disabled={!valid}
          label={translate('app.exports.attendance_csv')}
        />
        <DownloadButton
          path="/exports/attendance.xlsx"
          query={query}
          disabled={!valid}
          label={translate('app.exports.attendance_xlsx')}
        />
        <DownloadButton
          path="/exports/figures.xlsx"
          query={{ fiscalYear: String(fiscalYear), lang }}
          label={translate('app.exports.figures_xlsx')}
        />
      </Buttons>
    </Section>
  );
};

/** The last twelve months and the next, newest first, as YYYY-MM. */
function monthChoices(): string[] {
  const p = tokyoParts(new Date());
  return Array.from({ length: 14 }, (_, i) => {
    const index = p.year * 12 + p.month - 1 + 1 - i;
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}

/** A month's hospital and volunteer statements: on screen, and as CSV or Excel. */
const MonthlyStatements = () => {
  const translate = useTranslate();
  const [lang] = useLocaleState();
  const [month, setMonth] = useState(currentMonth);
  const query = { month, lang };
  return (
    <Section title={translate('app.exports.statements_title')} hint={translate('app.exports.statements_hint')}>
      <TextField
        select
        size="small"
        fullWidth={false}
        label={translate('app.exports.month')}
        value={month}
        onChange={(e) => setMonth(e.target.value)}
        sx={{ width: 200 }}
      >
        {monthChoices().map((m) => (
          <MenuItem key={m} value={m}>
            {translate('app.exports.month_label', { year: m.slice(0, 4), month: Number(m.slice(5)) })}
          </MenuItem>
        ))}
      </TextField>
      <Buttons>
        <DownloadButton
          path="/exports/statements/hospitals.csv"
          query={query}
          label={translate('app.exports.hospitals_csv')}
        />
        <DownloadButton
          path="/exports/statements/hospitals.xlsx"
          query={query}
          label={translate('app.exports.hospitals_xlsx')}
        />
        <DownloadButton
          path="/exports/statements/volunteers.csv"
          query={query}
          label={translate('app.exports.volunteers_csv')}
        />
        <DownloadButton
          path="/exports/statements/volunteers.xlsx"
          query={query}
          label={translate('app.exports.volunteers_xlsx')}
        />
      </Buttons>
      <Box
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}
      >
        <Box>
          <Typography variant="subtitle1" component="h3">
            {translate('app.exports.statements_hospitals')}
          </Typography>
          <StatementTable kind="hospitals" month={month} />
        </Box>
        <Box>
          <Typography variant="subtitle1" component="h3">
            {translate('app.exports.statements_volunteers')}
          </Typography>
          <StatementTable kind="volunteers" month={month} />
        </Box>
      </Box>
    </Section>
  );
};

const ExportsContent = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 2 }}>
      <Title title="app.exports.title" />
      <Typography variant="h5" component="h1">
        {translate('app.exports.title')}
      </Typography>
      <RangeExports />
      <MonthlyStatements />
    </Box>
  );
};

/** 明細・データ出力 (staff): statements on screen and every export as a download. */
export const ExportsPage = () => (
  <CanAccess resource="exports" action="list" accessDenied={<AccessDenied />}>
    <ExportsContent />
  </CanAccess>
);
