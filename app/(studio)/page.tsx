import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ProjectList } from '../../components/projects/ProjectList';
import { can } from '../../server/auth/roles';
import { requireUser } from './require-user';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  const user = await requireUser();
  // A viewer (manager) never builds pipelines: their home is the portfolio.
  if (user.role === 'viewer') redirect('/dashboard');
  return <ProjectList canCreate={can(user.role, 'project.create')} />;
}
