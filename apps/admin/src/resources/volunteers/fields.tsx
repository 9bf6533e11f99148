import { Box, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { KUMAMOTO_AREAS, languageName } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';

export interface VolunteerRecord {
  id: string;
  displayName: string;
  nameKana: string;
  email: string;
  phone: string | null;
  gender: string;
  homeArea: string;
  languages: { code: string; proficiency: string }[];
  level: string;
  status: string;
  pledgeSignedAt: string | null;
  insuranceValidUntil: string | null;
  maxDispatchesPerMonth: number;
  lastDispatchAt: string | null;
}

/** The Kumamoto areas of libs/matching, as they are (Japanese place names). */
export { KUMAMOTO_AREAS };
export const AREA_CHOICES = KUMAMOTO_AREAS.map((area) => ({ id: area, name: area }));

const STATUS_COLOR: Record<string, 'success' | 'warning' | 'default'> = {
  active: 'success',
  suspended: 'warning',
  retired: 'default',
};

/**
 * Languages with their proficiency: ベトナム語（ネイティブ）. Names from the model (any ISO code,
 * 日本語 included, not only the programme's interpreting languages).
 */
export const LanguagesField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<VolunteerRecord>();
  const translate = useTranslate();
  const locale = useDisplayLocale();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {record.languages.map((language) => (
        <Chip
          key={language.code}
          size="small"
          variant="outlined"
          label={`${languageName(language.code, locale)}（${translate(enumKey('proficiency', language.proficiency))}）`}
        />
      ))}
    </Box>
  );
};

export const VolunteerStatusChip = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<VolunteerRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[record.status] ?? 'default'}
      label={translate(enumKey('volunteer_status', record.status))}
    />
  );
};

export const LevelText = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<VolunteerRecord>();
  const translate = useTranslate();
  return record ? <span>{translate(enumKey('level', record.level))}</span> : null;
};
