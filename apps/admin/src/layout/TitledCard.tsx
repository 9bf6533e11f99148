import { Card, CardContent, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A card with an h2 title (an i18n key): the dashboard's panels and the sections of a show page. */
export const TitledCard = ({
  title,
  testId,
  outlined,
  sx,
  children,
}: {
  title: string;
  testId: string;
  outlined?: boolean;
  sx?: SxProps<Theme>;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card variant={outlined ? 'outlined' : undefined} sx={sx} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};
