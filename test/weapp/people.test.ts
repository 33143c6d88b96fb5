/**
 * The admin's people page (issue 7): what client/src/services/people.ts decides — the groups by
 * appointed role, each person's binding state at a fixed instant, and the 添加人员 request (the
 * choice each role needs; a choice left from another role is never sent).
 */
import type { Role } from '../../shared/domain/roles';

// Loaded with `require`, as sign-in.test.ts does: the root type-check does not compile the client.
type AppointedRole = Exclude<Role, 'villager'>;
interface PersonDraft {
  name: string;
  role: AppointedRole | null;
  windowId: string | null;
  villageId: string | null;
}
type Binding = { kind: 'bound' | 'invited' | 'none'; label: string };
interface PeopleModule {
  groupPeople<P extends { role: Role }>(people: readonly P[]): Array<{ role: AppointedRole; people: P[] }>;
  bindingOf(p: { wechatBound: boolean; inviteExpiresAt: string | null }, now: Date): Binding;
  inviteButtonLabel(b: Binding): string;
  addPersonRequest(d: PersonDraft): { ok: true; input: Record<string, unknown> } | { ok: false; issues: Array<{ field: string; message: string }> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addPersonRequest, bindingOf, groupPeople, inviteButtonLabel } = require('../../client/src/services/people') as PeopleModule;

// A fixed instant: 2026-11-27 10:00 in Beijing.
const NOW = new Date('2026-11-27T02:00:00Z');

describe('people grouped by appointed role', () => {
  test('staff, office, leader, admin, agent in that order; villagers and empty roles left out', () => {
    const people = [
      { id: 'a', role: 'agent' as const, name: '赵村' },
      { id: 'b', role: 'staff' as const, name: '李明' },
      { id: 'c', role: 'villager' as const, name: '王五' },
      { id: 'd', role: 'admin' as const, name: '周管' },
      { id: 'e', role: 'staff' as const, name: '陈红' },
    ];
    const groups = groupPeople(people);
    expect(groups.map((g) => g.role)).toEqual(['staff', 'admin', 'agent']);
    expect(groups[0]?.people.map((p) => p.id)).toEqual(['b', 'e']);
  });
});

describe('binding state', () => {
  test('bound wins over an open code', () => {
    const b = bindingOf({ wechatBound: true, inviteExpiresAt: '2026-12-01T02:00:00Z' }, NOW);
    expect(b).toEqual({ kind: 'bound', label: '已绑定微信' });
    expect(inviteButtonLabel(b)).toBe('重新发放(更换微信)');
  });

  test('an open code shows its end in Beijing time', () => {
    const b = bindingOf({ wechatBound: false, inviteExpiresAt: '2026-12-04T01:30:00Z' }, NOW);
    expect(b.kind).toBe('invited');
    expect(b.label).toBe('邀请码有效至 2026年12月4日 周五 09:30');
    expect(inviteButtonLabel(b)).toBe('重新发放邀请码');
  });

  test('an expired code, or none, is 未绑定', () => {
    expect(bindingOf({ wechatBound: false, inviteExpiresAt: '2026-11-27T01:59:00Z' }, NOW)).toEqual({ kind: 'none', label: '未绑定' });
    const none = bindingOf({ wechatBound: false, inviteExpiresAt: null }, NOW);
    expect(none.kind).toBe('none');
    expect(inviteButtonLabel(none)).toBe('发放邀请码');
  });
});

describe('添加人员 request', () => {
  const draft = (d: Partial<PersonDraft>): PersonDraft => ({ name: '冯晓梅', role: null, windowId: null, villageId: null, ...d });

  test('staff need a window, agents a village, each named on its own field', () => {
    expect(addPersonRequest(draft({ role: 'staff' }))).toEqual({ ok: false, issues: [{ field: 'windowId', message: '请选择所在窗口' }] });
    expect(addPersonRequest(draft({ role: 'agent' }))).toEqual({ ok: false, issues: [{ field: 'villageId', message: '请选择负责的村(社区)' }] });
  });

  test('every issue at once: a short name and no role', () => {
    const r = addPersonRequest(draft({ name: ' 冯 ' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['name', 'role']);
  });

  test('only the role\'s own choice is sent', () => {
    expect(addPersonRequest(draft({ role: 'agent', windowId: 'w-1', villageId: 'v-1' }))).toEqual({ ok: true, input: { name: '冯晓梅', role: 'agent', villageId: 'v-1' } });
    expect(addPersonRequest(draft({ role: 'staff', windowId: 'w-1', villageId: 'v-1' }))).toEqual({ ok: true, input: { name: '冯晓梅', role: 'staff', windowId: 'w-1' } });
    expect(addPersonRequest(draft({ role: 'leader', windowId: 'w-1', villageId: 'v-1' }))).toEqual({ ok: true, input: { name: '冯晓梅', role: 'leader' } });
  });
});
