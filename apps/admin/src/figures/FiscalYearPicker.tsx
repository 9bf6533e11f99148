import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { fiscalYearLabel, fiscalYearOf } from '@app/domain/model';
import { useDisplayLocale } from '../lib/use-display-locale';

/** The fiscal years offered: the current one, the next, and the five before. */
export function fiscalYearChoices(now: Date = new Date()): number[] {
  const current = fiscalYearOf(now);
  return Array.from({ length: 7 }, (_, i) => current + 1 - i);
}

/** 2026年度 (2026年4月〜2027年3月): the Japanese fiscal year, April to March. */
export const FiscalYearPicker = ({ value, onChange }: { value: number; onChange: (fiscalYear: number) => void }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={translate('app.figures.fiscal_year')}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
      sx={{ minWidth: 220 }}
      slotProps={{ select: { renderValue: (year) => fiscalYearLabel(Number(year), locale) } }}
    >
      {fiscalYearChoices().map((year) => (
        <MenuItem key={year} value={year}>
          {fiscalYearLabel(year, locale)} {translate('app.figures.fiscal_year_span', { from: year, to: year + 1 })}
        </MenuItem>
      ))}
    </TextField>
  );
};
