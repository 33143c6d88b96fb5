/** The local host's dev login (H5 only): list the demo users and sign in as one. */
import type { PublicUser } from '@shared/domain/org';
import type { Role } from '@shared/domain/roles';
import { setSession, type Session } from './session';

export interface DemoUser extends PublicUser {
  roleLabel: string;
  centerName: string;
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  const res = await fetch('/dev/users');
  if (!res.ok) throw new Error('对不起,演示用户列表暂时无法获取,请确认本地服务已启动后刷新页面。');
  return ((await res.json()) as { users: DemoUser[] }).users;
}

export async function devLogin(userId: string): Promise<Session> {
  const res = await fetch('/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const body = (await res.json()) as Session | { ok: false; error: { message: string } };
  if (!res.ok || !('token' in body)) {
    throw new Error('error' in body ? body.error.message : '对不起,登录失败,请重新选择。');
  }
  setSession(body);
  return body;
}

export const ROLE_ORDER: Role[] = ['villager', 'agent', 'staff', 'office', 'leader', 'admin', 'pad'];
