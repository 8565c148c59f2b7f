// The signed-in person as pages hand it to client components: plain, serialisable props.
export type SessionRole = 'admin' | 'scientist' | 'analyst' | 'viewer';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: SessionRole;
}
