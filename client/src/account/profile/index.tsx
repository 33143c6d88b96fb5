import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { AtButton } from 'taro-ui';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import { api } from '../../services/api';
import { needsProfile } from '../../services/profile';
import { getSession, setSession } from '../../services/session';
import { useAction } from '../../services/use-action';

/** 我的资料 (issue 7): the name the window sees on the villager's bookings and cases. */
function Profile() {
  const start = getSession();
  const [name, setName] = useState(start && !needsProfile(start.user) ? start.user.name : '');
  const { message, busy, errs, run } = useAction();

  const save = () =>
    run(async () => {
      const r = await api.account.updateProfile({ name });
      const now = getSession();
      if (now) setSession({ ...now, user: r.user });
    }, '已保存,谢谢您!');

  return (
    <PageShell>
      <View className="card">
        <View className="muted">您好,请填写您的真实姓名:窗口工作人员会在您的预约和办件上看到它,方便为您办理。</View>
      </View>
      <View className="card">
        <Field label="姓名" errors={errs('name')}>
          <Input className="field__input" value={name} maxlength={20} placeholder="请输入您的姓名" onInput={(e) => setName(e.detail.value)} />
        </Field>
        <AtButton type="primary" loading={busy} onClick={() => void save()}>
          保存
        </AtButton>
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
