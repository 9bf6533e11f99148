import { List, ListItemButton, ListItemText } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { apiClient } from '../providers';
import { DeskCard, Empty } from './StaffPanels';

interface PromotionCandidate {
  volunteerId: string;
  displayName: string;
  reviewedShadowVisits: number;
}

/** Trainees who meet the promotion rule (GET /api/trainees/ready-for-promotion): each opens their path to promote them. */
export const ReadyForPromotionPanel = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['trainees', 'ready-for-promotion'],
    queryFn: () => apiClient.request<PromotionCandidate[]>('/trainees/ready-for-promotion'),
  });
  return (
    <DeskCard
      title="app.shadowing.ready_title"
      testId="ready-for-promotion"
      count={data?.length}
      isPending={isPending}
      error={error}
    >
      {!data || data.length === 0 ? (
        <Empty message="app.shadowing.ready_empty" />
      ) : (
        <List dense disablePadding>
          {data.map((c) => (
            <ListItemButton
              key={c.volunteerId}
              component={RouterLink}
              to={`/volunteers/${c.volunteerId}/show`}
              divider
              data-testid="ready-trainee"
            >
              <ListItemText
                primary={translate('app.shadowing.ready_item', { name: c.displayName, count: c.reviewedShadowVisits })}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </DeskCard>
  );
};
