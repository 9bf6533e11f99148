import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime, formatTimeRange } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey } from '../../lib/workflow-choices';
import type { ReportRecord } from './types';

const Line = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '10em 1fr' }, columnGap: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
};

/** Why a report is first in the queue: wellbeing concern, time dispute, problems reported. */
export const ReportFlags = ({ report }: { report: ReportRecord }) => {
  const translate = useTranslate();
  return (
    <>
      {report.wellbeingConcern && <Chip size="small" color="error" label={translate('app.reports.flags.wellbeing')} />}
      {report.timeDispute && <Chip size="small" color="warning" label={translate('app.reports.flags.time_dispute')} />}
      {!!report.issues?.trim() && (
        <Chip size="small" color="warning" variant="outlined" label={translate('app.reports.flags.issues')} />
      )}
    </>
  );
};

/** A filed report, read-only: for the volunteer once reviewed, and in the staff queue. */
export const ReportDetails = ({ report }: { report: ReportRecord }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const yen = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP').format(report.transportCostYen);
  return (
    <Box sx={{ display: 'grid', gap: 0.75 }}>
      <Line label="app.reports.actual">{formatTimeRange(report.actualStart, report.actualEnd, locale)}</Line>
      <Line label="resources.reports.fields.waitingMinutes">
        {translate('app.reports.minutes', { smart_count: report.waitingMinutes })}
      </Line>
      <Line label="resources.reports.fields.scenes">
        {report.scenes.map((scene) => translate(enumKey('report_scene', scene))).join('、')}
      </Line>
      <Line label="resources.reports.fields.difficulty">
        {translate(`app.reports.difficulty.${report.difficulty}`)}
      </Line>
      <Line label="resources.reports.fields.transportCostYen">{translate('app.reports.yen', { amount: yen })}</Line>
      {report.issues?.trim() && <Line label="resources.reports.fields.issues">{report.issues}</Line>}
      {report.termsToStudy?.trim() && <Line label="resources.reports.fields.termsToStudy">{report.termsToStudy}</Line>}
      <Line label="resources.reports.fields.submittedAt">{formatDateTime(report.submittedAt, locale)}</Line>
      {report.reviewedAt && (
        <Line label="resources.reports.fields.reviewedAt">{formatDateTime(report.reviewedAt, locale)}</Line>
      )}
      {report.reviewComment && <Line label="resources.reports.fields.reviewComment">{report.reviewComment}</Line>}
    </Box>
  );
};
