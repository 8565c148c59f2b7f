// One QueryClient per browser session. Client faults (4xx) are not retried; an expired
// session sends the person back to sign-in, returning here afterwards.
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { errorCode, httpStatus } from './error-message';

function sendToSignIn(error: unknown) {
  if (typeof window === 'undefined' || errorCode(error) !== 'UNAUTHORIZED') return;
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: sendToSignIn }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const status = httpStatus(error);
          if (status !== undefined && status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
