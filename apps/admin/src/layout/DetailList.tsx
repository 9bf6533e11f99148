import { Box, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

/** A label → value list (`<dl>`) in two columns that wrap long values instead of widening the page. */
export const DetailList = ({ children, sx, testId }: { children: ReactNode; sx?: SxProps<Theme>; testId?: string }) => (
  <Box
    component="dl"
    data-testid={testId}
    sx={[
      { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.5, m: 0 },
      ...(Array.isArray(sx) ? sx : [sx]),
    ]}
  >
    {children}
  </Box>
);

export const DetailRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </>
);
