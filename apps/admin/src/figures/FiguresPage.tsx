import { Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CanAccess, Title, useTranslate } from 'react-admin';
import { AccessDenied } from '../layout/AccessDenied';
import { fiscalYearLabel, fiscalYearOf, type StatsSummary } from '@app/domain/model';
import { useDisplayLocale } from '../lib/use-display-locale';
import { enumKey } from '../lib/workflow-choices';
import { apiClient } from '../providers';
import { ChartCard, ColumnChart, RowChart, type Bar } from './FigureCharts';
import { FiscalYearPicker } from './FiscalYearPicker';
import { formatDuration, formatPercent, monthLabel } from './format';

const Headline = ({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) => (
  <Card data-testid={testId} sx={{ minWidth: 0 }}>
    <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant="h4"
        component="p"
        data-testid={`${testId}-value`}
        sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, fontWeight: 600 }}
      >
        {value}
      </Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      )}
    </CardContent>
  </Card>
);

/** The year's figures: four headline numbers and the charts, or one sentence when the year is empty. */
const Figures = ({ summary }: { summary: StatsSummary }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const { requests, dispatches, timeToConfirmMinutes } = summary;
  if (requests.total === 0 && dispatches.total === 0) {
    return (
      <Alert severity="info" data-testid="figures-empty" sx={{ mt: 2 }}>
        {translate('app.figures.empty', { year: fiscalYearLabel(summary.fiscalYear, locale) })}
      </Alert>
    );
  }
  const count = translate('app.figures.count');
  const language = (code: string) => translate(enumKey('language', code), { _: code });
  const byMonth: Bar[] = dispatches.byMonth.map((m) => ({ label: monthLabel(m.month, locale), count: m.count }));
  const byLanguage: Bar[] = dispatches.byLanguage.map((l) => ({ label: language(l.language), count: l.count }));
  const byHospital: Bar[] = dispatches.byHospital.map((h) => ({ label: h.hospitalName, count: h.count }));
  const byDepartment: Bar[] = dispatches.byDepartment.map((d) => ({
    label: translate(enumKey('department', d.department), { _: d.department }),
    count: d.count,
  }));
  const unfilled: Bar[] = requests.unfilledByLanguage.map((l) => ({ label: language(l.language), count: l.count }));
  const noDispatches = dispatches.total === 0 && translate('app.figures.no_dispatches');
  return (
    <>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' },
          my: 2,
        }}
      >
        <Headline
          testId="figure-requests"
          label={translate('app.figures.requests')}
          value={String(requests.total)}
          hint={translate('app.figures.requests_hint', { pending: requests.pending, withdrawn: requests.withdrawn })}
        />
        <Headline
          testId="figure-filled"
          label={translate('app.figures.filled')}
          value={String(requests.filled)}
          hint={translate('app.figures.filled_hint', { unfilled: requests.unfilled })}
        />
        <Headline
          testId="figure-fill-rate"
          label={translate('app.figures.fill_rate')}
          value={formatPercent(requests.fillRate)}
          hint={translate('app.figures.fill_rate_hint')}
        />
        <Headline
          testId="figure-time-to-fill"
          label={translate('app.figures.time_to_fill')}
          value={formatDuration(timeToConfirmMinutes.median, locale)}
          hint={translate('app.figures.time_to_fill_hint', { p90: formatDuration(timeToConfirmMinutes.p90, locale) })}
        />
        <Headline
          testId="figure-shadow-visits"
          label={translate('app.figures.shadow_visits')}
          value={String(summary.shadowing.shadowVisits)}
          hint={translate('app.figures.shadow_visits_hint', { trainees: summary.shadowing.trainees })}
        />
        <Headline
          testId="figure-trainees-promoted"
          label={translate('app.figures.trainees_promoted')}
          value={String(summary.shadowing.traineesPromoted)}
          hint={translate('app.figures.trainees_promoted_hint')}
        />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' },
          alignItems: 'start',
        }}
      >
        <ChartCard
          testId="chart-by-month"
          title={translate('app.figures.by_month', { total: dispatches.total })}
          empty={noDispatches}
        >
          <ColumnChart bars={byMonth} seriesLabel={count} shortLabel={(label) => label.replace('月', '')} />
        </ChartCard>
        <ChartCard testId="chart-by-language" title={translate('app.figures.by_language')} empty={noDispatches}>
          <RowChart bars={byLanguage} seriesLabel={count} />
        </ChartCard>
        <ChartCard testId="chart-by-hospital" title={translate('app.figures.by_hospital')} empty={noDispatches}>
          <RowChart bars={byHospital} seriesLabel={count} />
        </ChartCard>
        <ChartCard testId="chart-by-department" title={translate('app.figures.by_department')} empty={noDispatches}>
          <RowChart bars={byDepartment} seriesLabel={count} />
        </ChartCard>
        <ChartCard
          testId="chart-unfilled"
          title={translate('app.figures.unfilled_by_language')}
          empty={unfilled.length === 0 && translate('app.figures.no_unfilled')}
        >
          <RowChart bars={unfilled} seriesLabel={count} color="#d32f2f" />
        </ChartCard>
      </Box>
    </>
  );
};

const FiguresContent = () => {
  const translate = useTranslate();
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearOf(new Date()));
  const summary = useQuery({
    queryKey: ['stats/summary', fiscalYear],
    queryFn: () => apiClient.request<StatsSummary>('/stats/summary', { query: { fiscalYear } }),
  });
  return (
    <Box sx={{ py: 2 }}>
      <Title title="app.figures.title" />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1">
          {translate('app.figures.title')}
        </Typography>
        <FiscalYearPicker value={fiscalYear} onChange={setFiscalYear} />
      </Box>
      {summary.isPending && <LinearProgress sx={{ mt: 2 }} aria-label={translate('ra.page.loading')} />}
      {summary.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {summary.error.message}
        </Alert>
      )}
      {summary.data && <Figures summary={summary.data} />}
    </Box>
  );
};

/** 実績 (staff): the fiscal year's requests and dispatches in numbers and charts. */
export const FiguresPage = () => (
  <CanAccess resource="figures" action="list" accessDenied={<AccessDenied />}>
    <FiguresContent />
  </CanAccess>
);
