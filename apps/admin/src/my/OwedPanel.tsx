import type { DispatchView, OfferView } from '@app/domain/model';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Chip, List, ListItemButton, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { TitledCard } from '../layout/TitledCard';
import { formatDateTime, formatTimeRange } from '@app/domain/model';
import { liveQuery } from '../lib/live';
import { useDisplayLocale } from '../lib/use-display-locale';
import { enumKey } from '../lib/workflow-choices';
import { apiClient } from '../providers';
import { useUpcomingDispatches } from '../resources/dispatches/DispatchList';
import { usePastDispatches } from '../resources/reports/use-past-dispatches';
import { whatIsOwed, awaitsMoveAnswer } from './owed';

/** 至急 offers carry `visit.urgent` (API.md "The volunteer's visit"). */
type Offer = OfferView & { visit: OfferView['visit'] & { urgent?: boolean } };

const Item = ({
  to,
  primary,
  secondary,
  testId,
}: {
  to: string;
  primary: React.ReactNode;
  secondary: React.ReactNode;
  testId: string;
}) => (
  <ListItemButton component={RouterLink} to={to} divider data-testid={testId} sx={{ px: 1, minHeight: 56 }}>
    <ListItemText
      primary={primary}
      secondary={secondary}
      slotProps={{ secondary: { sx: { overflowWrap: 'anywhere' } } }}
    />
    <ChevronRightIcon color="action" aria-hidden />
  </ListItemButton>
);

const Section = ({ title, count, children }: { title: string; count: number; children: React.ReactNode }) => {
  const translate = useTranslate();
  if (count === 0) return null;
  return (
    <Box component="section" aria-label={translate(title)}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 1 }}>
        {translate(title)}（{count}）
      </Typography>
      <List dense disablePadding>
        {children}
      </List>
    </Box>
  );
};

/**
 * The volunteer's dashboard, at the top: what is owed — offers to answer (soonest visit first,
 * 至急 marked), visits to reconfirm, reports to file — each opening where it is done.
 */
export const OwedPanel = () => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  const [now] = useState(() => new Date());
  const offers = useQuery({
    queryKey: ['offers', 'pending'],
    queryFn: () => apiClient.request<{ data: Offer[] }>('/offers', { query: { status: 'pending' } }),
    ...liveQuery,
  });
  const upcoming = useUpcomingDispatches(now.toISOString());
  const past = usePastDispatches();
  const pending = offers.isPending || upcoming.isPending || past.isPending;
  const error = offers.error ?? upcoming.error ?? past.error;
  const t = (group: string, value: string) => translate(enumKey(group, value));
  const where = (d: DispatchView) => [d.visit?.hospitalName, t('language', d.language)].filter(Boolean).join(' · ');
  const owed =
    offers.data && upcoming.data && past.data
      ? whatIsOwed({ offers: offers.data.data, upcoming: upcoming.data.data, past: past.data.data }, now)
      : null;
  return (
    <TitledCard title="app.owed.title" testId="owed">
      {pending ? (
        <Stack gap={1}>
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : !owed || owed.total === 0 ? (
        <Typography color="text.secondary" data-testid="owed-nothing">
          {translate('app.owed.nothing')}
        </Typography>
      ) : (
        <Stack gap={1}>
          <Section title="app.owed.offers" count={owed.offers.length}>
            {owed.offers.map((o) => (
              <Item
                key={o.id}
                testId="owed-offer"
                to="/offers"
                primary={
                  <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap" component="span">
                    {o.visit.urgent && (
                      <Chip component="span" size="small" color="error" label={translate('app.requests.urgent')} />
                    )}
                    <span>{formatTimeRange(o.visit.startsAt, o.visit.endsAt, locale)}</span>
                  </Stack>
                }
                secondary={
                  <>
                    <span>{`${t('language', o.visit.language)} · ${o.visit.hospitalName}`}</span>
                    <br />
                    <span>{translate('app.owed.answer_by', { time: formatDateTime(o.expiresAt, locale) })}</span>
                  </>
                }
              />
            ))}
          </Section>
          <Section title="app.owed.reconfirm" count={owed.reconfirm.length}>
            {owed.reconfirm.map((d) => (
              <Item
                key={d.id}
                testId="owed-reconfirm"
                to={`/dispatches/${d.id}/show`}
                primary={formatTimeRange(d.startsAt, d.endsAt, locale)}
                secondary={`${where(d)} · ${translate(awaitsMoveAnswer(d) ? 'app.owed.moved_action' : 'app.owed.reconfirm_action')}`}
              />
            ))}
          </Section>
          <Section title="app.owed.reports" count={owed.reports.length}>
            {owed.reports.map((d) => (
              <Item
                key={d.id}
                testId="owed-report"
                to={`/dispatches/${d.id}/report`}
                primary={formatTimeRange(d.startsAt, d.endsAt, locale)}
                secondary={`${where(d)} · ${translate('app.owed.report_action')}`}
              />
            ))}
          </Section>
        </Stack>
      )}
    </TitledCard>
  );
};
