import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CanAccess, Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../access';
import { ActivityReportDownload } from '../documents/ActivityReportDownload';
import { documentPaths } from '../documents/documents';
import { DownloadButton } from '../exports/DownloadButton';
import { StatementTable } from '../exports/StatementTable';
import type { HospitalStatement, Statements, VolunteerStatement } from '../exports/types';
import { formatYen } from '../figures/format';
import { AccessDenied } from '../layout/AccessDenied';
import { formatDate } from '@app/domain/model';
import { useDisplayLocale } from '../lib/use-display-locale';
import { enumKey } from '../lib/workflow-choices';
import { apiClient } from '../providers';
import { invoiceMonthOf, recentMonths } from './statement-month';

type Kind = 'hospitals' | 'volunteers';

type Line = HospitalStatement['lines'][number] | VolunteerStatement['lines'][number];

/** A line's label pieces, said the same way in the table and in the phone's stacked rows. */
const useLineText = () => {
  const translate = useTranslate();
  return {
    /** the hospital (a volunteer's line) or the language (a hospital's line) */
    what: (line: Line) => ('language' in line ? translate(enumKey('language', line.language)) : line.hospitalName),
    kind: (line: Line) =>
      translate(`app.desk.statements.kind.${line.kind}`, { _: line.kind }) +
      ('minutes' in line && line.minutes
        ? ` (${translate('app.desk.statements.minutes', { minutes: line.minutes })})`
        : ''),
  };
};

/** On a phone: each line a stacked row — date and amount on top, what it was below, a volunteer's honorarium and transport last. */
const LineRows = ({ lines }: { lines: Line[] }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const text = useLineText();
  const yen = (n: number) => formatYen(n, locale);
  return (
    <Box
      component="ul"
      data-testid="statement-lines"
      data-layout="rows"
      sx={{ listStyle: 'none', m: 0, p: 0, borderTop: 1, borderColor: 'divider' }}
    >
      {lines.map((line) => (
        <Box
          component="li"
          key={`${line.dispatchId}-${line.kind}`}
          sx={{ py: 1.25, borderBottom: 1, borderColor: 'divider', display: 'grid', gap: 0.25 }}
        >
          <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'baseline' }}>
            <Typography variant="body2">{formatDate(line.date, locale)}</Typography>
            <Typography variant="body1" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
              {yen(line.amountYen)}
            </Typography>
          </Box>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {text.what(line)} · {text.kind(line)}
          </Typography>
          {'honorariumYen' in line && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.desk.statements.honorarium')} {yen(line.honorariumYen)} ·{' '}
              {translate('app.desk.statements.transport')} {yen(line.transportYen)}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};

/** At a desk: the lines as a table. */
const LineTable = ({ kind, lines }: { kind: Kind; lines: Line[] }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const text = useLineText();
  const yen = (n: number) => formatYen(n, locale);
  return (
    <Table
      size="small"
      data-testid="statement-lines"
      data-layout="table"
      sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}
    >
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.desk.statements.date')}</TableCell>
          <TableCell>
            {translate(kind === 'hospitals' ? 'resources.requests.fields.language' : 'app.exports.hospital')}
          </TableCell>
          <TableCell>{translate('app.desk.statements.kind_label')}</TableCell>
          {kind === 'volunteers' && (
            <>
              <TableCell align="right">{translate('app.desk.statements.honorarium')}</TableCell>
              <TableCell align="right">{translate('app.desk.statements.transport')}</TableCell>
            </>
          )}
          <TableCell align="right">{translate('app.exports.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={`${line.dispatchId}-${line.kind}`}>
            <TableCell>{formatDate(line.date, locale)}</TableCell>
            <TableCell>{text.what(line)}</TableCell>
            <TableCell>{text.kind(line)}</TableCell>
            {'honorariumYen' in line && (
              <>
                <TableCell align="right">{yen(line.honorariumYen)}</TableCell>
                <TableCell align="right">{yen(line.transportYen)}</TableCell>
              </>
            )}
            <TableCell align="right">{yen(line.amountYen)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * Each line of the month: the visit's date, what it is, and the amount (with honoraria and
 * transport for a volunteer) — a table at a desk, stacked rows on a phone (no sideways scrolling).
 */
const StatementLines = ({ kind, month }: { kind: Kind; month: string }) => {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const statements = useQuery({
    queryKey: ['statements', kind, month],
    queryFn: () =>
      apiClient.request<Statements<HospitalStatement | VolunteerStatement>>(`/statements/${kind}`, {
        query: { month },
      }),
  });
  if (statements.error) return <Alert severity="error">{statements.error.message}</Alert>;
  const lines = (statements.data?.data ?? []).flatMap((s): Line[] => s.lines);
  if (lines.length === 0) return null;
  return narrow ? <LineRows lines={lines} /> : <LineTable kind={kind} lines={lines} />;
};

const MyStatements = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const [month, setMonth] = useState(() => invoiceMonthOf(new Date()));
  const { identity } = useGetIdentity();
  const kind: Kind = permissions === 'volunteer' ? 'volunteers' : 'hospitals';
  const hospitalId = identity?.hospitalId as string | null | undefined;
  const volunteerId = identity?.volunteerId as string | null | undefined;
  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2 }}>
      <Title title={`app.desk.statements.title_${kind}`} />
      <Card>
        {/* minmax(0, 1fr): a wide table scrolls inside its box instead of widening the page (a phone). */}
        <CardContent sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }}>
          <Typography variant="h5" component="h1">
            {translate(`app.desk.statements.title_${kind}`)}
          </Typography>
          <Typography color="text.secondary">{translate(`app.desk.statements.hint_${kind}`)}</Typography>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', displayPrint: 'none' }}>
            <TextField
              select
              size="small"
              label={translate('app.exports.month')}
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              sx={{ width: 200 }}
            >
              {recentMonths(new Date()).map((m) => (
                <MenuItem key={m} value={m}>
                  {translate('app.exports.month_label', { year: m.slice(0, 4), month: Number(m.slice(5)) })}
                </MenuItem>
              ))}
            </TextField>
            {kind === 'hospitals' && hospitalId && (
              <DownloadButton
                path={documentPaths.invoice(hospitalId, month)}
                query={{}}
                label={translate('app.documents.invoice_pdf')}
              />
            )}
            {kind === 'volunteers' && volunteerId && (
              <DownloadButton
                path={documentPaths.statement(volunteerId, month)}
                query={{}}
                label={translate('app.documents.statement_pdf')}
              />
            )}
            <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
              {translate('app.desk.statements.print')}
            </Button>
          </Box>
          <Typography variant="h6" component="h2">
            {translate('app.exports.month_label', { year: month.slice(0, 4), month: Number(month.slice(5)) })}
          </Typography>
          <StatementTable kind={kind} month={month} documents={false} />
          <Box sx={{ overflowX: 'auto' }}>
            <StatementLines kind={kind} month={month} />
          </Box>
        </CardContent>
      </Card>
      {kind === 'volunteers' && volunteerId && (
        <Card sx={{ displayPrint: 'none' }}>
          <CardContent sx={{ display: 'grid', gap: 2 }}>
            <Typography variant="h6" component="h2">
              {translate('app.documents.activity_title')}
            </Typography>
            <Typography color="text.secondary">{translate('app.documents.activity_hint')}</Typography>
            <ActivityReportDownload volunteerId={volunteerId} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
};

/** 明細: a coordinator's hospital's month (請求), a volunteer's honoraria and transport (謝金・交通費). */
export const MyStatementsPage = () => (
  <CanAccess resource="statements" action="own" accessDenied={<AccessDenied />}>
    <MyStatements />
  </CanAccess>
);
