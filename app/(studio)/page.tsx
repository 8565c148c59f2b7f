import type { Metadata } from 'next';
import { ProjectList } from '../../components/projects/ProjectList';
import { requireUser } from './require-user';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  await requireUser();
  return <ProjectList />;
}
