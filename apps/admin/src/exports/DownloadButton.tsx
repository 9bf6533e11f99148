import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { apiClient } from '../providers';
import { filenameFromDisposition, readWithProgress, saveBlob, type DownloadProgress } from './download';

/**
 * One export (`/exports/dispatches.csv?from&to`…): fetched with the session's token and saved
 * under the server's file name. While it downloads the button is disabled and shows a progress
 * ring, a fraction when the size is known; a failure is notified in words with the request id.
 */
export const DownloadButton = ({
  path,
  query,
  label,
  name,
  disabled,
}: {
  path: string;
  query: Record<string, string>;
  label: string;
  /** what the success notice names, when not the label */ name?: string;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);

  const download = async () => {
    setProgress({ loaded: 0, total: null });
    try {
      const response = await apiClient.fetchFile(path, { query });
      const fallback = path.split('/').pop() ?? 'export';
      const blob = await readWithProgress(response, setProgress);
      saveBlob(blob, filenameFromDisposition(response.headers.get('Content-Disposition'), fallback));
      notify('app.exports.downloaded', { type: 'info', messageArgs: { name: name ?? label } });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  const percent = progress?.total ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : null;
  return (
    <Button
      variant="outlined"
      onClick={() => void download()}
      disabled={disabled || progress !== null}
      aria-busy={progress !== null}
      startIcon={
        progress ? (
          <CircularProgress
            size={18}
            variant={percent === null ? 'indeterminate' : 'determinate'}
            value={percent ?? undefined}
            aria-label={translate('app.exports.downloading')}
          />
        ) : (
          <DownloadIcon />
        )
      }
      sx={{ justifyContent: 'flex-start', textTransform: 'none' }}
    >
      <Box component="span" sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
        <span>{label}</span>
        {progress && (
          <Typography component="span" variant="caption" data-testid="download-progress">
            {percent === null
              ? translate('app.exports.downloading_bytes', { kb: Math.ceil(progress.loaded / 1024) })
              : `${percent}%`}
          </Typography>
        )}
      </Box>
    </Button>
  );
};
