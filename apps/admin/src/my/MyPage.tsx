import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Loading, Title, usePermissions, useTranslate } from 'react-admin';
import { canRoleAccess, type Role } from '../access';
import { AccessDenied } from '../layout/AccessDenied';

/** A volunteer's own page: a title, a hint and the content, for the roles access.ts lets in. */
export const MyPage = ({
  action,
  title,
  hint,
  children,
}: {
  action: string;
  title: string;
  hint: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<Role>();
  if (isPending) return <Loading />;
  if (!canRoleAccess(permissions, 'my', action)) return <AccessDenied />;
  return (
    <Box sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={title} />
      <Card>
        <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate(title)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(hint)}
          </Typography>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
};
