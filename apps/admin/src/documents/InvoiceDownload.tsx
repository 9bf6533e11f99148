import { Box, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DownloadButton } from '../exports/DownloadButton';
import { invoiceMonthOf, recentMonths } from '../statements/statement-month';
import { documentPaths } from './documents';

/** A month and the button that downloads the hospital's invoice (請求書) of it — also a month with nothing charged. */
export const InvoiceDownload = ({ hospitalId }: { hospitalId: string }) => {
  const translate = useTranslate();
  const [month, setMonth] = useState(() => invoiceMonthOf(new Date()));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }} data-testid="invoice-download">
      <TextField
        select
        size="small"
        fullWidth={false}
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
      <DownloadButton
        path={documentPaths.invoice(hospitalId, month)}
        query={{}}
        label={translate('app.documents.invoice_pdf')}
      />
    </Box>
  );
};
