import type { Role } from '@shared/domain/roles';
import { roleLinks } from '../../services/role-links';
import NavRow from '../nav-row';

/** The way into each role's work, the same on the home page and on 我的. */
export default function RoleLinks({ role, unread }: { role: Role; unread: number }) {
  return (
    <>
      {roleLinks(role).map((l) => (
        <NavRow key={l.label} label={l.label} url={l.url} extra={l.unread ? unread : undefined} />
      ))}
    </>
  );
}
