import type { Metadata } from 'next';
import { ProjectList } from '../../components/projects/ProjectList';
import { can } from '../../server/auth/roles';
import { requireUser } from './require-user';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  const user = await requireUser();
  return <ProjectList canCreate={can(user.role, 'project.create')} />;
}
