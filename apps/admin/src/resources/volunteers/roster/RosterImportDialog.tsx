import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  AlertTitle,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { useLocaleState, useRefresh, useTranslate } from 'react-admin';
import { apiClient } from '../../../providers';
import {
  importRoster,
  REQUIRED_ROSTER_COLUMNS,
  ROSTER_COLUMNS,
  type ImportPreviewRow,
  type ImportResult,
  type RosterProblem,
  type UploadProgress,
} from './roster-upload';

type Step =
  | { kind: 'pick'; error?: string }
  | { kind: 'checking'; file: File }
  | { kind: 'confirm'; file: File; preview: ImportResult }
  | { kind: 'uploading'; file: File; progress: UploadProgress | null }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'rejected'; problems: RosterProblem[]; requestId?: string }
  | { kind: 'failed'; message: string; status: number };

/** "名簿を取り込む" on the volunteers list: opens the import dialog. */
export const RosterImportButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('app.roster.import')}
      </Button>
      {open && <RosterImportDialog onClose={() => setOpen(false)} />}
    </>
  );
};

/**
 * Pick a CSV (UTF-8 or Shift_JIS) or an .xlsx; the API checks the whole file first and previews
 * what each row would do (`dryRun`, nothing written), or lists every row and column it refuses;
 * confirm, watch the upload's progress, then read the counts. Problems come worded in the panel's
 * language.
 */
export const RosterImportDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [lang] = useLocaleState();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const busy = step.kind === 'uploading' || step.kind === 'checking';

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setStep({ kind: 'pick', error: translate('app.roster.not_csv') });
      return;
    }
    await send(file, true);
  };

  const upload = (file: File) => send(file, false);

  /** A preview (dryRun: nothing written) or the import itself; both answer every problem of the file. */
  const send = async (file: File, dryRun: boolean) => {
    setStep(dryRun ? { kind: 'checking', file } : { kind: 'uploading', file, progress: null });
    try {
      const outcome = await importRoster(
        apiClient,
        file,
        file.name,
        (progress) => {
          if (!dryRun) setStep({ kind: 'uploading', file, progress });
        },
        translate,
        undefined,
        { dryRun, lang },
      );
      if (outcome.kind === 'imported' && dryRun) {
        setStep({ kind: 'confirm', file, preview: outcome.result });
      } else if (outcome.kind === 'imported') {
        setStep({ kind: 'imported', result: outcome.result });
        refresh();
      } else {
        setStep({ kind: 'rejected', problems: outcome.problems, requestId: outcome.requestId });
      }
    } catch (error) {
      setStep({
        kind: 'failed',
        message: (error as Error).message,
        status: (error as { status?: number }).status ?? 0,
      });
    }
  };

  const pickButton = (label: string) => (
    <Button
      variant={step.kind === 'pick' ? 'contained' : 'outlined'}
      startIcon={<UploadFileIcon />}
      onClick={() => input.current?.click()}
      disabled={busy}
    >
      {label}
    </Button>
  );

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="md"
      fullScreen={fullScreen}
      aria-labelledby="roster-import-title"
    >
      <DialogTitle id="roster-import-title">{translate('app.roster.dialog_title')}</DialogTitle>
      <DialogContent dividers>
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          onChange={(event) => void choose(event)}
          data-testid="roster-file"
          aria-label={translate('app.roster.choose_file')}
        />
        {(step.kind === 'pick' || step.kind === 'confirm') && (
          <Stack spacing={2}>
            <Typography variant="body2">{translate('app.roster.intro')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.roster.limits')}
            </Typography>
            {step.kind === 'pick' && (
              <Box>
                {pickButton(translate('app.roster.choose_file'))}
                {step.error && (
                  <Alert severity="error" sx={{ mt: 1 }}>
                    {step.error}
                  </Alert>
                )}
              </Box>
            )}
            {step.kind === 'confirm' && (
              <Alert severity={step.preview.rows > 0 ? 'info' : 'warning'} role="status">
                <AlertTitle sx={{ overflowWrap: 'anywhere' }}>
                  {translate('app.roster.file_chosen', {
                    name: step.file.name,
                    kb: Math.max(1, Math.ceil(step.file.size / 1024)),
                  })}
                </AlertTitle>
                {step.preview.rows > 0
                  ? translate('app.roster.confirm', { rows: step.preview.rows })
                  : translate('app.roster.confirm_empty')}
                {step.preview.rows > 0 && (
                  <Typography variant="body2" sx={{ mt: 0.5 }}>
                    {translate('app.roster.preview_counts', { ...step.preview })}
                  </Typography>
                )}
                {step.preview.notes?.map((note) => (
                  <Typography key={note} variant="body2" sx={{ mt: 0.5 }}>
                    {note}
                  </Typography>
                ))}
              </Alert>
            )}
            {step.kind === 'confirm' && step.preview.preview && step.preview.preview.length > 0 && (
              <PreviewTable rows={step.preview.preview} />
            )}
            {step.kind === 'confirm' && <Box>{pickButton(translate('app.roster.change_file'))}</Box>}
            <ColumnsHelp />
          </Stack>
        )}
        {step.kind === 'checking' && (
          <Stack spacing={1} sx={{ py: 2 }}>
            <Typography variant="body2" data-testid="roster-upload-status">
              {translate('app.roster.checking')}
            </Typography>
            <LinearProgress aria-label={translate('app.roster.checking')} />
          </Stack>
        )}
        {step.kind === 'uploading' && <UploadingState progress={step.progress} />}
        {step.kind === 'imported' && (
          <Alert severity="success" role="status">
            <AlertTitle>{translate('app.roster.done_title')}</AlertTitle>
            {translate('app.roster.done', { ...step.result })}
          </Alert>
        )}
        {step.kind === 'rejected' && <RejectedState problems={step.problems} requestId={step.requestId} />}
        {step.kind === 'failed' && (
          <Alert severity="error" role="alert">
            {/* A 4xx is a refusal before anything is saved; after a lost connection the outcome is unknown. */}
            <AlertTitle>
              {translate(
                step.status >= 400 && step.status < 500 ? 'app.roster.rejected_title' : 'app.roster.failed_title',
              )}
            </AlertTitle>
            {step.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {(step.kind === 'rejected' || step.kind === 'failed') && (
          <Button onClick={() => setStep({ kind: 'pick' })}>{translate('app.roster.again')}</Button>
        )}
        <Button onClick={onClose} disabled={busy}>
          {translate(step.kind === 'pick' || step.kind === 'confirm' || busy ? 'ra.action.cancel' : 'ra.action.close')}
        </Button>
        {step.kind === 'confirm' && (
          <Button variant="contained" onClick={() => void upload(step.file)} disabled={step.preview.rows === 0}>
            {translate('app.roster.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};

const PREVIEW_LIMIT = 50;

/** What the import would do with each row (the first 50): new, updated or unchanged. */
const PreviewTable = ({ rows }: { rows: ImportPreviewRow[] }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto', maxHeight: 320 }}>
      <Table size="small" stickyHeader aria-label={translate('app.roster.preview_table')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.roster.row')}</TableCell>
            <TableCell>{translate('resources.volunteers.fields.displayName', { _: 'displayName' })}</TableCell>
            <TableCell>{translate('resources.volunteers.fields.email', { _: 'email' })}</TableCell>
            <TableCell>{translate('app.roster.action')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(0, PREVIEW_LIMIT).map((row) => (
            <TableRow key={row.row}>
              <TableCell>{row.row}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.displayName}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.email}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`app.roster.actions.${row.action}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length > PREVIEW_LIMIT && (
        <Typography variant="caption" color="text.secondary">
          {translate('app.roster.preview_more', { count: rows.length - PREVIEW_LIMIT })}
        </Typography>
      )}
    </Box>
  );
};

/** The columns, collapsed: the header names them, * marks the required ones. */
const ColumnsHelp = () => {
  const translate = useTranslate();
  return (
    <Accordion disableGutters variant="outlined">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">{translate('app.roster.columns_title')}</Typography>
      </AccordionSummary>
      <AccordionDetails sx={{ p: 0 }}>
        <Table size="small" aria-label={translate('app.roster.columns_title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.roster.column')}</TableCell>
              <TableCell>{translate('app.roster.meaning')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {ROSTER_COLUMNS.map((column) => (
              <TableRow key={column}>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                  {column}
                  {REQUIRED_ROSTER_COLUMNS.includes(column) ? ' *' : ''}
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{translate(`app.roster.columns.${column}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
};

const UploadingState = ({ progress }: { progress: UploadProgress | null }) => {
  const translate = useTranslate();
  const percent =
    progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  // Once every byte is sent the server checks and saves: its time is unknown, so the bar turns indeterminate.
  const sent = progress !== null && percent >= 100;
  const label = sent ? translate('app.roster.processing') : translate('app.roster.uploading', { percent });
  return (
    <Stack spacing={1} sx={{ py: 2 }}>
      <Typography variant="body2" data-testid="roster-upload-status">
        {label}
      </Typography>
      <LinearProgress
        variant={sent ? 'indeterminate' : 'determinate'}
        value={sent ? undefined : percent}
        aria-label={label}
      />
    </Stack>
  );
};

const RejectedState = ({ problems, requestId }: { problems: RosterProblem[]; requestId?: string }) => {
  const translate = useTranslate();
  // On a phone three columns leave the message a few letters wide: the column goes above it.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const columnLabel = (column: string | null) => {
    if (column === null) return '';
    const label = translate(`resources.volunteers.fields.${column}`, { _: '' });
    return (
      <>
        <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
          {column}
        </Box>
        {label && (
          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {label}
          </Typography>
        )}
      </>
    );
  };
  return (
    <Stack spacing={2}>
      <Alert severity="error" role="alert">
        <AlertTitle>{translate('app.roster.rejected_title')}</AlertTitle>
        {translate('app.roster.rejected_hint')} {translate('app.roster.rejected_count', { count: problems.length })}
        {requestId && (
          <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="roster-request-id">
            {translate('app.roster.request_id', { requestId })}
          </Typography>
        )}
      </Alert>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('app.roster.problems_table')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.roster.row')}</TableCell>
              {!narrow && <TableCell>{translate('app.roster.field')}</TableCell>}
              <TableCell>{translate('app.roster.problem')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {problems.map((problem, i) => (
              <TableRow key={i}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{problem.row ?? translate('app.roster.whole_file')}</TableCell>
                {!narrow && <TableCell>{columnLabel(problem.column)}</TableCell>}
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {narrow && problem.column && <Box sx={{ mb: 0.5 }}>{columnLabel(problem.column)}</Box>}
                  {problem.message}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Stack>
  );
};
