import { Box } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { fiscalYearOf } from '@app/domain/model';
import { DownloadButton } from '../exports/DownloadButton';
import { FiscalYearPicker } from '../figures/FiscalYearPicker';
import { documentPaths } from './documents';

/** A fiscal year and the button that downloads the volunteer's activity report (活動実績報告書) of it. */
export const ActivityReportDownload = ({ volunteerId }: { volunteerId: string }) => {
  const translate = useTranslate();
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearOf(new Date()));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }} data-testid="activity-report">
      <FiscalYearPicker value={fiscalYear} onChange={setFiscalYear} />
      <DownloadButton
        path={documentPaths.activityReport(volunteerId)}
        query={{ fiscalYear: String(fiscalYear) }}
        label={translate('app.documents.activity_pdf')}
      />
    </Box>
  );
};
