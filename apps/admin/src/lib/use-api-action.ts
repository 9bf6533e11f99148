import { useMutation } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';
import { apiClient } from '../providers';

/**
 * A POST to a workflow route (cancel, offers, assign, accept…): the API's message, already in
 * the user's language with its request id, is the error notification; success refreshes the page.
 */
export function useApiAction<TBody, TResult = unknown>(
  path: (body: TBody) => string,
  options: { onSuccess?: (result: TResult, body: TBody) => void } = {},
) {
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation<TResult, Error, TBody>({
    mutationFn: (body: TBody) => apiClient.request<TResult>(path(body), { method: 'POST', body: stripPath(body) }),
    onSuccess: (result, body) => {
      options.onSuccess?.(result, body);
      refresh();
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
}

/** Bodies may carry the id they are about (`{id, …}`); the API refuses unknown fields. */
function stripPath<T>(body: T): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const { id: _id, ...rest } = body as Record<string, unknown>;
  return rest;
}
