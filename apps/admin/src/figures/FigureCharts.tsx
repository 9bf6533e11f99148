import { Card, CardContent, Typography, useMediaQuery, type Theme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface Bar {
  label: string;
  count: number;
}

/** A titled card holding one chart, or a sentence when there is nothing to draw. */
export const ChartCard = ({
  title,
  testId,
  empty,
  children,
}: {
  title: string;
  testId: string;
  empty?: string | false;
  children: ReactNode;
}) => (
  <Card component="section" data-testid={testId} aria-label={title} sx={{ minWidth: 0 }}>
    <CardContent>
      <Typography variant="h6" component="h2" sx={{ fontSize: '1rem', mb: 1 }}>
        {title}
      </Typography>
      {empty ? (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          {empty}
        </Typography>
      ) : (
        children
      )}
    </CardContent>
  </Card>
);

/** Room above the longest bar for its label (labels outside the drawing area are not drawn). */
const axisMax = (bars: Bar[]) => {
  const longest = Math.max(0, ...bars.map((b) => b.count));
  return Math.max(longest + 1, Math.ceil(longest * 1.2));
};

/** 3件 on the bar's end; nothing on an empty month. */
function useBarLabel() {
  const translate = useTranslate();
  return (item: { value: number | null }) =>
    item.value ? translate('app.figures.bar_label', { count: item.value }) : null;
}

/** Counts by month, April to March, as columns; the chart takes the card's width (`shortLabel` for its ticks on a phone). */
export const ColumnChart = ({
  bars,
  seriesLabel,
  shortLabel,
}: {
  bars: Bar[];
  seriesLabel: string;
  shortLabel?: (label: string) => string;
}) => {
  const barLabel = useBarLabel();
  // On a phone twelve 10月-wide ticks do not fit: the chart would drop every other month.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <BarChart
      height={260}
      hideLegend
      skipAnimation
      xAxis={[
        {
          scaleType: 'band',
          data: bars.map((b) => b.label),
          valueFormatter: (label: string, context) =>
            narrow && shortLabel && context.location === 'tick' ? shortLabel(label) : label,
        },
      ]}
      yAxis={[{ tickMinStep: 1, width: 32, max: axisMax(bars) }]}
      series={[{ data: bars.map((b) => b.count), label: seriesLabel, barLabel, barLabelPlacement: 'outside' }]}
      margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
    />
  );
};

/** Counts by a named thing (language, hospital…) as horizontal bars, longest first; height grows with the rows. */
export const RowChart = ({ bars, seriesLabel, color }: { bars: Bar[]; seriesLabel: string; color?: string }) => {
  const barLabel = useBarLabel();
  return (
    <BarChart
      height={48 + bars.length * 36}
      layout="horizontal"
      hideLegend
      skipAnimation
      yAxis={[{ scaleType: 'band', data: bars.map((b) => b.label), width: 104 }]}
      xAxis={[{ tickMinStep: 1, height: 24, max: axisMax(bars) }]}
      series={[
        {
          data: bars.map((b) => b.count),
          label: seriesLabel,
          barLabel,
          barLabelPlacement: 'outside',
          ...(color ? { color } : {}),
        },
      ]}
      margin={{ left: 0, right: 16, top: 8, bottom: 0 }}
    />
  );
};
