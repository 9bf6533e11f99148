import {
  Alert,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { documentPaths } from '../documents/documents';
import { formatYen } from '../figures/format';
import { useDisplayLocale } from '../lib/use-display-locale';
import { apiClient } from '../providers';
import { DownloadButton } from './DownloadButton';
import type { HospitalStatement, Statements, VolunteerStatement } from './types';

type Kind = 'hospitals' | 'volunteers';

/** One month's statements on screen: who, how many lines, how much, its PDF (invoice or statement); the total below. */
export const StatementTable = ({
  kind,
  month,
  documents = true,
}: {
  kind: Kind;
  month: string;
  /** A PDF button on each row (staff's list; one's own page has its own button instead). */
  documents?: boolean;
}) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const statements = useQuery({
    queryKey: ['statements', kind, month],
    queryFn: () =>
      apiClient.request<Statements<HospitalStatement | VolunteerStatement>>(`/statements/${kind}`, {
        query: { month },
      }),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const title = translate(`app.exports.statements_${kind}`);
  if (statements.isPending) return <LinearProgress aria-label={translate('ra.page.loading')} />;
  if (statements.error) return <Alert severity="error">{statements.error.message}</Alert>;
  const rows = statements.data.data;
  if (rows.length === 0) {
    return (
      <Typography color="text.secondary" data-testid={`statements-${kind}-empty`}>
        {translate('app.exports.statements_empty')}
      </Typography>
    );
  }
  return (
    <Table
      size="small"
      aria-label={title}
      data-testid={`statements-${kind}`}
      sx={{ '& .MuiTableCell-alignRight': { whiteSpace: 'nowrap' } }}
    >
      <TableHead>
        <TableRow>
          <TableCell>{translate(kind === 'hospitals' ? 'app.exports.hospital' : 'app.exports.volunteer')}</TableCell>
          <TableCell align="right">{translate('app.exports.lines')}</TableCell>
          <TableCell align="right">{translate('app.exports.amount')}</TableCell>
          {documents && <TableCell>{translate('app.documents.column')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={'hospitalId' in row ? row.hospitalId : row.volunteerId}>
            <TableCell>{'hospitalName' in row ? row.hospitalName : row.volunteerName}</TableCell>
            <TableCell align="right">{row.lines.length}</TableCell>
            <TableCell align="right">{formatYen(row.totalYen, locale)}</TableCell>
            {documents && (
              <TableCell>
                {'hospitalId' in row ? (
                  <DownloadButton
                    path={documentPaths.invoice(row.hospitalId, month)}
                    query={{}}
                    label={translate('app.documents.pdf')}
                    name={translate('app.documents.invoice_name', { name: row.hospitalName })}
                  />
                ) : (
                  <DownloadButton
                    path={documentPaths.statement(row.volunteerId, month)}
                    query={{}}
                    label={translate('app.documents.pdf')}
                    name={translate('app.documents.statement_name', { name: row.volunteerName })}
                  />
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
      <TableFooter sx={{ '& td': { fontWeight: 600, color: 'text.primary', fontSize: '0.875rem' } }}>
        <TableRow>
          <TableCell colSpan={2}>{translate('app.exports.total')}</TableCell>
          <TableCell align="right">{formatYen(statements.data.totalYen, locale)}</TableCell>
          {documents && <TableCell />}
        </TableRow>
      </TableFooter>
    </Table>
  );
};
