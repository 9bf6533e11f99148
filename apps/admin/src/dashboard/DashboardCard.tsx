import { Card, CardActionArea, CardContent, Chip, Skeleton, Typography, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

export interface DashboardCardProps {
  title: string;
  icon: ReactNode;
  /** the figure; undefined while loading */
  value?: ReactNode;
  hint?: string;
  /** a card for a feature whose API does not exist yet: says so plainly */
  comingSoon?: boolean;
  loading?: boolean;
  /** the page the card opens (a router path such as /requests?filter=…) */
  to?: string;
}

/** The card's body, as one link when it opens a page. */
const Content = ({ to, children }: { to?: string; children: ReactNode }) =>
  to ? (
    <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>
      <CardContent>{children}</CardContent>
    </CardActionArea>
  ) : (
    <CardContent>{children}</CardContent>
  );

export const DashboardCard = ({ title, icon, value, hint, comingSoon, loading, to }: DashboardCardProps) => {
  const translate = useTranslate();
  return (
    <Card
      variant="outlined"
      sx={comingSoon ? { borderStyle: 'dashed', bgcolor: 'action.hover' } : undefined}
      aria-label={translate(title)}
      data-coming-soon={comingSoon ? 'true' : undefined}
    >
      <Content to={to}>
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 1,
            mb: 1,
            color: comingSoon ? 'text.secondary' : 'primary.main',
          }}
        >
          {icon}
          <Typography variant="subtitle1" component="h2" sx={{ flex: 1, color: 'text.primary' }}>
            {translate(title)}
          </Typography>
          {comingSoon && <Chip size="small" label={translate('app.dashboard.coming_soon')} />}
        </Box>
        {comingSoon ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.coming_soon_hint')}
          </Typography>
        ) : (
          <>
            <Typography variant="h4" component="p">
              {loading ? <Skeleton width={60} /> : value}
            </Typography>
            {hint && (
              <Typography variant="body2" color="text.secondary">
                {translate(hint)}
              </Typography>
            )}
          </>
        )}
      </Content>
    </Card>
  );
};
