import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import SchoolIcon from '@mui/icons-material/School';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import type { Availability } from '../availability/availability-draft';
import { DashboardCard } from '../dashboard/DashboardCard';
import { apiClient } from '../providers';
import type { TrainingStandingRecord } from '../resources/volunteers/TrainingStanding';

/** The volunteer's weekly hours, counted, opening their availability page. */
export const MyAvailabilityCard = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['availability', '/volunteers/me/availability'],
    queryFn: () => apiClient.request<Availability>('/volunteers/me/availability'),
  });
  const value = error
    ? '—'
    : data && translate('app.registry.dashboard.weekly_slots', { smart_count: data.weekly.length });
  return (
    <DashboardCard
      title="app.dashboard.cards.availability"
      hint="app.registry.dashboard.availability_hint"
      icon={<EventAvailableIcon />}
      value={value}
      loading={isPending}
      to="/my/availability"
    />
  );
};

/** Whether the volunteer's training rule is met, opening their training record. */
export const MyTrainingCard = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['training', '/volunteers/me/training'],
    queryFn: () => apiClient.request<TrainingStandingRecord>('/volunteers/me/training'),
  });
  const value = error
    ? '—'
    : data && translate(data.ruleMet ? 'app.registry.training.rule_met' : 'app.registry.training.rule_not_met');
  return (
    <DashboardCard
      title="app.dashboard.cards.training"
      hint="app.registry.dashboard.training_hint"
      icon={<SchoolIcon />}
      value={value}
      loading={isPending}
      to="/my/training"
    />
  );
};
