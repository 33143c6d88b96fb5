import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { FieldIssue } from '@shared/domain/errors';
import { ChoiceChips } from '../../components/date-chips';
import Field from '../../components/field';
import LabelledInput from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import { TapButton } from '../../components/tap';
import { api, ApiError, messageOf } from '../../services/api';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';

/** Register a visitor who came without booking; the staff member becomes the first-ask person (R-CASE-1). */
function WalkIn() {
  const centerId = getSession()?.user.centerId ?? '';
  const items = useLoad(() => api.catalog.listItems({ centerId }), centerId);
  const [itemIndex, setItemIndex] = useState(-1);
  const [name, setName] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const list = items.data?.items ?? [];
  const errs = (f: string) => issues.filter((i) => i.field === f).map((i) => i.message);

  const save = async () => {
    setIssues([]);
    setMessage(null);
    const item = list[itemIndex];
    if (!item) {
      setMessage('请选择群众要办理的事项。');
      return;
    }
    try {
      const r = await api.cases.registerWalkIn({ itemId: item.id, applicantName: name });
      Taro.redirectTo({ url: `/staff/case/index?id=${encodeURIComponent(r.case.id)}` });
    } catch (e) {
      if (e instanceof ApiError) setIssues(e.fieldIssues);
      setMessage(messageOf(e));
    }
  };

  return (
    <PageShell>
      <Section title="来办群众">
        <Field label="办理事项" errors={errs('itemId')}>
          <ChoiceChips label="办理事项" options={list.map((i, n) => ({ value: String(n), label: `${i.code} ${i.name}` }))} value={itemIndex >= 0 ? String(itemIndex) : null} onChange={(v) => setItemIndex(Number(v))} />
        </Field>
        <Field label="办事人姓名" errors={errs('applicantName')}>
          <LabelledInput label="办事人姓名" value={name} placeholder="请填写办事人姓名" onInput={(e) => setName(e.detail.value)} />
        </Field>
        <View className="muted">登记后您即为本件的首问责任人,负责跟进到办结;承办窗口由事项决定。</View>
      </Section>
      {message && <View className="card error">{message}</View>}
      <TapButton type="primary" onTap={() => void save()}>
        登记并开始办理
      </TapButton>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff']} who="窗口工作人员">
      <WalkIn />
    </RoleGate>
  );
}
