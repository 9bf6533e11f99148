import { Card, CardContent, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ReactNode } from 'react';

export interface Bar {
  label: string;
  count: number;
}

/** A titled card holding one chart, or a sentence when there is nothing to draw. */
export const ChartCard = ({ title, testId, empty, children }: { title: string; testId: string; empty?: string | false; children: ReactNode }) => (
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

/** Counts by month, April to March, as columns; the chart takes the card's width. */
export const ColumnChart = ({ bars, seriesLabel }: { bars: Bar[]; seriesLabel: string }) => (
  <BarChart
    height={260}
    hideLegend
    xAxis={[{ scaleType: 'band', data: bars.map((b) => b.label) }]}
    yAxis={[{ tickMinStep: 1, width: 32 }]}
    series={[{ data: bars.map((b) => b.count), label: seriesLabel, barLabel: (item) => (item.value ? String(item.value) : null), barLabelPlacement: 'outside' }]}
    margin={{ left: 0, right: 8, top: 24, bottom: 0 }}
  />
);

/** Counts by a named thing (language, hospital…) as horizontal bars, longest first; height grows with the rows. */
export const RowChart = ({ bars, seriesLabel, color }: { bars: Bar[]; seriesLabel: string; color?: string }) => (
  <BarChart
    height={48 + bars.length * 36}
    layout="horizontal"
    hideLegend
    yAxis={[{ scaleType: 'band', data: bars.map((b) => b.label), width: 104 }]}
    xAxis={[{ tickMinStep: 1, height: 24 }]}
    series={[{ data: bars.map((b) => b.count), label: seriesLabel, barLabel: 'value', barLabelPlacement: 'outside', ...(color ? { color } : {}) }]}
    margin={{ left: 0, right: 32, top: 8, bottom: 0 }}
  />
);
