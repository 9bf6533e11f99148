import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../providers';
import type { DispatchRecord } from './types';

/**
 * A volunteer's dispatches that have started, latest first (the API scopes them to the volunteer).
 * The list view carries no patient details, so reading it writes no patient.read audit line.
 */
export function usePastDispatches() {
  return useQuery({
    queryKey: ['dispatches', 'past'],
    queryFn: () =>
      apiClient.request<{ data: DispatchRecord[]; total: number }>('/dispatches', {
        query: { to: new Date().toISOString(), order: 'DESC', page: 1, perPage: 50 },
      }),
  });
}
