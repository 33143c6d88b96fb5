import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS } from '@shared/domain/roles';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { ApiError, api } from '../../services/api';
import {
  APPOINTED_ROLES,
  addPersonRequest,
  bindingOf,
  groupPeople,
  inviteButtonLabel,
  type AppointedRole,
  type PersonDraft,
} from '../../services/people';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import './index.scss';
import Tap, { TapButton } from '../../components/tap';
import LabelledInput from '../../components/labelled-input';
import { centerNow } from '../../services/clock';

interface Issued {
  code: string;
  expiresAt: string;
  scene: string;
}

type Person = Awaited<ReturnType<typeof api.account.people>>['people'][number];

/** What each role does, under its choice in the form. */
const ROLE_HINTS: Record<AppointedRole, string> = {
  staff: '在窗口受理、办理事项',
  office: '督办超期办件、处理未送达提醒',
  leader: '查看超期办件和中心运行情况',
  admin: '维护事项、窗口、日历和人员',
  agent: '为本村群众代办,需指定负责的村(社区)',
  pad: '放在窗口供群众评价的平板或手机,需指定窗口;请用该设备的微信绑定,不能用工作人员本人的微信',
};

const BLANK: PersonDraft = { name: '', role: null, windowId: null, villageId: null };

/** A large tappable choice (not a wheel): the whole card is the target (R-UX-2). */
function Choice({ on, title, hint, onTap }: { on: boolean; title: string; hint?: string; onTap: () => void }) {
  return (
    <Tap role="radio" checked={on} onTap={onTap} className={`choice${on ? ' choice--on' : ''}`}>
      <Text className="item-row__name">{on ? '✓ ' : ''}{title}</Text>
      {hint && <View className="muted">{hint}</View>}
    </Tap>
  );
}

/**
 * The admin's people and invites (issue 7): the center's appointed people by role, whether each
 * has bound a WeChat, an 8-digit invite code (valid 7 days, single use) for each, and 添加人员.
 * Staff, office, leaders, admins and village agents get their role only this way, never from the
 * app alone; the person binds in 我的 → 工作人员绑定, or by scanning a code with scene i=<code>.
 */
function People() {
  const centerId = getSession()?.user.centerId ?? '';
  const res = useLoad(() => api.account.people({}), 'people');
  const windows = useLoad(() => api.center.windows({}), 'windows');
  const villages = useLoad(() => api.catalog.villages({ centerId }), `villages:${centerId}`);
  const [issued, setIssued] = useState<Record<string, Issued>>({});
  const [draft, setDraft] = useState<PersonDraft>(BLANK);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<{ id: string; name: string; role: AppointedRole } | null>(null);
  const invite = useAction();
  const form = useAction();

  const issue = (userId: string) =>
    invite.run(async () => {
      const r = await api.account.issueInvite({ userId });
      setIssued((m) => ({ ...m, [userId]: r }));
    });

  const submit = () =>
    form.run(async () => {
      const req = addPersonRequest(draft);
      if (!req.ok) {
        throw new ApiError({ code: 'VALIDATION', message: '请按提示补全人员信息后再提交,谢谢。', details: req.issues });
      }
      const r = await api.account.addPerson(req.input);
      setAdded({ id: r.user.id, name: r.user.name, role: req.input.role });
      setDraft(BLANK);
      setAdding(false);
      res.reload();
    });

  const set = (patch: Partial<PersonDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const people = res.data?.people ?? [];
  const now = centerNow();
  const addedCode = added ? issued[added.id] : undefined;

  /** The code and the two ways to bind it, under the person's row (or in the 已添加 card). */
  const codeCard = (name: string, got: Issued, until: string, bound: boolean) => (
    <View className="card invite-code">
      <View className="muted">{name}的邀请码</View>
      <View className="hero booking-number">{got.code}</View>
      <View className="muted">{until}</View>
      <View className="para">绑定方法(二选一):</View>
      <View className="para">1. 请{name}在微信中打开本小程序,进入“我的 → 工作人员绑定”,输入上面的8位邀请码。</View>
      <View className="para">
        2. 在微信公众平台(小程序管理后台)为页面 pages/index/index 生成小程序码,参数填 {got.scene}(即 scene 为 {got.scene},或页面路径 pages/index/index?{got.scene});{name}用微信扫码即自动绑定。
      </View>
      {bound && <View className="muted">{name}用新微信绑定后,原来绑定的微信将不能再以此身份使用。</View>}
    </View>
  );

  const row = (p: Person) => {
    const got = issued[p.id];
    const binding = bindingOf({ wechatBound: p.wechatBound, inviteExpiresAt: got ? got.expiresAt : p.inviteExpiresAt }, now);
    const where = p.role === 'staff' || p.role === 'pad' ? p.windowName || '未分配窗口' : p.role === 'agent' ? p.villageName || '未指定村(社区)' : '';
    return (
      <View key={p.id} className={`person${added?.id === p.id ? ' person--new' : ''}`}>
        <View className="row">
          <View className="person__who">
            <View className="item-row__name">{p.name}</View>
            {where && <Text className="muted">{where} </Text>}
            <Text className={`tag ${binding.kind === 'bound' ? 'tag--ok' : binding.kind === 'invited' ? 'tag--warn' : ''}`}>{binding.label}</Text>
          </View>
          <TapButton disabled={invite.busy} onTap={() => void issue(p.id)}>
            {inviteButtonLabel(binding)}
          </TapButton>
        </View>
        {got && added?.id !== p.id && codeCard(p.name, got, binding.label, p.wechatBound)}
      </View>
    );
  };

  return (
    <PageShell>
      <View className="card muted">
        您好!这里是本中心任命的人员(窗口工作人员、管理办公室、带班领导、管理员、村代办员)。请为每位人员发放邀请码,由本人用微信绑定:邀请码为8位数字,7天内有效,只能使用一次;重新发放后,之前的邀请码即失效。
      </View>

      {added && (
        <View className="card person-added">
          <View className="para">已添加{ROLE_LABELS[added.role]}{added.name},谢谢!请为其发放邀请码,由本人用微信绑定。</View>
          {addedCode ? (
            codeCard(added.name, addedCode, bindingOf({ wechatBound: false, inviteExpiresAt: addedCode.expiresAt }, now).label, false)
          ) : (
            <TapButton type="primary" disabled={invite.busy} onTap={() => void issue(added.id)}>
              为{added.name}发放邀请码
            </TapButton>
          )}
        </View>
      )}
      {invite.message && <View className="card error">{invite.message}</View>}

      {!adding && (
        <TapButton type="primary" onTap={() => { setAdding(true); form.setMessage(null); }}>
          添加人员
        </TapButton>
      )}
      {adding && (
        <Section title="添加人员">
          <Field label="姓名" errors={form.errs('name')}>
            <LabelledInput label="姓名" value={draft.name} maxlength={20} placeholder="请输入姓名" onInput={(e) => set({ name: e.detail.value })} />
          </Field>
          <Field label="岗位" errors={form.errs('role')}>
            {APPOINTED_ROLES.map((r) => (
              <Choice key={r} on={draft.role === r} title={ROLE_LABELS[r]} hint={ROLE_HINTS[r]} onTap={() => set({ role: r })} />
            ))}
          </Field>
          {(draft.role === 'staff' || draft.role === 'pad') && (
            <Field label="所在窗口" errors={form.errs('windowId')}>
              <StateView loading={windows.loading} error={windows.error} onRetry={windows.reload} next={windows.next} empty={windows.data?.windows.length === 0 ? '本中心还没有窗口,请先在“窗口预约设置”中添加。' : null} />
              {windows.data?.windows.map((w) => (
                <Choice key={w.id} on={draft.windowId === w.id} title={w.name} onTap={() => set({ windowId: w.id })} />
              ))}
            </Field>
          )}
          {draft.role === 'agent' && (
            <Field label="负责的村(社区)" errors={form.errs('villageId')}>
              <StateView loading={villages.loading} error={villages.error} onRetry={villages.reload} next={villages.next} empty={villages.data?.villages.length === 0 ? '本中心还没有登记村(社区),请联系部署人员在初始化时录入。' : null} />
              {villages.data?.villages.map((v) => (
                <Choice key={v.id} on={draft.villageId === v.id} title={v.name} onTap={() => set({ villageId: v.id })} />
              ))}
            </Field>
          )}
          {form.message && <View className="error para">{form.message}</View>}
          <View className="actions">
            <TapButton type="primary" loading={form.busy} onTap={() => void submit()}>
              添加
            </TapButton>
            <TapButton onTap={() => { setAdding(false); setDraft(BLANK); form.setMessage(null); }}>取消</TapButton>
          </View>
        </Section>
      )}

      <StateView
        loading={res.loading && !res.data}
        error={res.error}
        onRetry={res.reload}
        next={res.next}
        empty={res.data && people.length === 0 ? '本中心还没有任命的人员,请点“添加人员”。' : null}
      />
      {groupPeople(people).map((g) => (
        <Section key={g.role} title={`${ROLE_LABELS[g.role]}(${g.people.length}人)`}>
          {g.people.map(row)}
        </Section>
      ))}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <People />
    </RoleGate>
  );
}
