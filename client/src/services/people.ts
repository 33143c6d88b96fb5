/**
 * The admin's people page (issue 7): the center's appointed people grouped by role, each one's
 * WeChat binding state, and the "添加人员" form's request. Pure, so the weapp tests check what it
 * decides: which choice each role needs (a window for staff, a village for agents), and that a
 * choice left over from another role is never sent.
 */
import { APPOINTED_ROLES, accountContract } from '@shared/contracts/account';
import type { FieldIssue } from '@shared/domain/errors';
import type { Role } from '@shared/domain/roles';
import { dateLabel, shanghaiDate, shanghaiTime } from '@shared/domain/time';

export type AppointedRole = (typeof APPOINTED_ROLES)[number];
export { APPOINTED_ROLES };

export interface PersonState {
  wechatBound: boolean;
  inviteExpiresAt: string | null;
}

/** The page's groups, in the order of APPOINTED_ROLES; a role nobody holds is left out. */
export function groupPeople<P extends { role: Role }>(people: readonly P[]): Array<{ role: AppointedRole; people: P[] }> {
  return APPOINTED_ROLES.map((role) => ({ role, people: people.filter((p) => p.role === role) })).filter((g) => g.people.length > 0);
}

export type Binding = { kind: 'bound'; label: string } | { kind: 'invited'; label: string } | { kind: 'none'; label: string };

/** 已绑定微信, or 邀请码有效至 <Beijing date and time>, or 未绑定 (an expired code counts as none). */
export function bindingOf(p: PersonState, now: Date): Binding {
  if (p.wechatBound) return { kind: 'bound', label: '已绑定微信' };
  const at = p.inviteExpiresAt ? new Date(p.inviteExpiresAt) : null;
  if (at && !Number.isNaN(at.getTime()) && at.getTime() > now.getTime()) {
    return { kind: 'invited', label: `邀请码有效至 ${dateLabel(shanghaiDate(at))} ${shanghaiTime(at)}` };
  }
  return { kind: 'none', label: '未绑定' };
}

/** The invite button's words: a bound person gets a code only to move to a new WeChat. */
export function inviteButtonLabel(b: Binding): string {
  if (b.kind === 'bound') return '重新发放(更换微信)';
  if (b.kind === 'invited') return '重新发放邀请码';
  return '发放邀请码';
}

export interface PersonDraft {
  name: string;
  role: AppointedRole | null;
  windowId: string | null;
  villageId: string | null;
}

export type AddPersonInput = { name: string; role: AppointedRole; windowId?: string; villageId?: string };

/**
 * The addPerson input for a draft, or every issue at once: the contract's (name, role) and the
 * choice the role needs (staff: a window, agent: a village — the server refuses both without it).
 * Only the role's own choice is sent, so a window picked before switching to 村代办员 is dropped.
 */
export function addPersonRequest(d: PersonDraft): { ok: true; input: AddPersonInput } | { ok: false; issues: FieldIssue[] } {
  const input: Record<string, unknown> = { name: d.name };
  if (d.role) input.role = d.role;
  if ((d.role === 'staff' || d.role === 'pad') && d.windowId) input.windowId = d.windowId;
  if (d.role === 'agent' && d.villageId) input.villageId = d.villageId;
  const issues: FieldIssue[] = [];
  const parsed = accountContract.addPerson.input.safeParse(input);
  if (!parsed.success) for (const i of parsed.error.issues) issues.push({ field: i.path.map(String).join('.'), message: i.message });
  if ((d.role === 'staff' || d.role === 'pad') && !d.windowId) issues.push({ field: 'windowId', message: '请选择所在窗口' });
  if (d.role === 'agent' && !d.villageId) issues.push({ field: 'villageId', message: '请选择负责的村(社区)' });
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, input: parsed.data };
}
