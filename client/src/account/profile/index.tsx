import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { needsProfile } from '../../services/profile';
import { getSession, setSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import './index.scss';
import Tap, { TapButton } from '../../components/tap';
import LabelledInput from '../../components/labelled-input';

/**
 * 我的资料 (issue 7): the name the window sees on the villager's bookings and cases, and the
 * village (社区) they live in, chosen from the center's villages as large tappable choices (not a
 * wheel, R-UX-2). An agent's village is the one the admin appointed them to (whose residents
 * they may act for, shared/domain/residents.ts): shown, not chosen here.
 */
function Profile() {
  const start = getSession();
  const centerId = start?.user.centerId ?? '';
  const isAgent = start?.user.role === 'agent';
  const [name, setName] = useState(start && !needsProfile(start.user) ? start.user.name : '');
  const [villageId, setVillageId] = useState<string | null>(start?.user.villageId ?? null);
  const villages = useLoad(() => api.catalog.villages({ centerId }), `villages:${centerId}`);
  const { message, busy, errs, run } = useAction();
  const mine = villages.data?.villages.find((v) => v.id === start?.user.villageId);

  const save = () =>
    run(async () => {
      const r = await api.account.updateProfile(!isAgent && villageId ? { name, villageId } : { name });
      const now = getSession();
      if (now) setSession({ ...now, user: r.user });
    }, '已保存,谢谢您!');

  return (
    <PageShell>
      <View className="card">
        <View className="muted">
          {isAgent ? '您好,请填写您的真实姓名' : '您好,请填写您的真实姓名并选择所在村(社区)'}:窗口工作人员会在您的预约和办件上看到它,方便为您办理。
        </View>
      </View>
      <View className="card">
        <Field label="姓名" errors={errs('name')}>
          <LabelledInput label="姓名" value={name} maxlength={20} placeholder="请输入您的姓名" onInput={(e) => setName(e.detail.value)} />
        </Field>
        {isAgent ? (
          <Field label="负责的村(社区)">
            <View className="item-row__name">{mine ? mine.name : villages.loading ? '正在加载…' : '尚未指定'}</View>
            <View className="muted">由中心管理员指定;如需更改,请联系中心管理员。</View>
          </Field>
        ) : (
          <Field label="所在村(社区)" hint="请点选您居住的村(社区),方便中心和村代办员为您服务。" errors={errs('villageId')}>
            <StateView
              loading={villages.loading}
              error={villages.error}
              onRetry={villages.reload}
              next={villages.next}
              empty={villages.data?.villages.length === 0 ? '本中心还没有登记村(社区),可以先不选,谢谢。' : null}
            />
            <View className="village-choices">
              {villages.data?.villages.map((v) => (
                <Tap role="radio" checked={villageId === v.id} onTap={() => setVillageId(v.id)} key={v.id} className={`choice village-choice${villageId === v.id ? ' choice--on' : ''}`}>
                  <Text className="item-row__name">
                    {villageId === v.id ? '✓ ' : ''}
                    {v.name}
                  </Text>
                </Tap>
              ))}
            </View>
          </Field>
        )}
        <TapButton type="primary" loading={busy} onTap={() => void save()}>
          保存
        </TapButton>
        {message && <View className="muted profile-message">{message}</View>}
      </View>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['villager', 'agent']} who="群众和村代办员">
      <Profile />
    </RoleGate>
  );
}
