import { View } from '@tarojs/components';
import { useState } from 'react';
import { TapButton } from '../../components/tap';
import type { ComplaintView } from '@shared/contracts/complaints';
import type { ComplaintStep } from '@shared/domain/complaints';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import { complaintsApi } from '../../services/fn/complaints';
import { useAction } from '../../services/use-action';
import ComplaintBody from '../body';
import '../complaint.scss';
import LabelledInput from '../../components/labelled-input';

/**
 * 投诉查询 (R-CMP-5): no sign-in; the tracking number and its 查询码 show the progress and the
 * reply — for anonymous complaints and for people using someone else's phone.
 */
export default function TrackComplaint() {
  const [number, setNumber] = useState('');
  const [secret, setSecret] = useState('');
  const [found, setFound] = useState<{ complaint: ComplaintView; steps: ComplaintStep[] } | null>(null);
  const act = useAction();
  const look = () => void act.run(async () => setFound(await complaintsApi.track({ number, secret })));
  return (
    <PageShell>
      <View className="card">
        <View className="muted">您好!请输入投诉时给您的投诉编号和查询码,无需登录即可查看办理进度和答复。</View>
        <Field label="投诉编号" errors={act.errs('number')}>
          <LabelledInput label="投诉编号" value={number} placeholder="如:TS202611270001" onInput={(e) => setNumber(e.detail.value)} />
        </Field>
        <Field label="查询码" errors={act.errs('secret')}>
          <LabelledInput label="查询码" value={secret} placeholder="投诉成功时显示的查询码" onInput={(e) => setSecret(e.detail.value)} />
        </Field>
        {act.message && <View className="error">{act.message}</View>}
        <TapButton type="primary" loading={act.busy} onTap={look}>
          查询
        </TapButton>
        <View className="muted">忘记查询码的,实名投诉可在“我的 → 我的投诉”中查看;匿名投诉无法找回查询码,对不起。</View>
      </View>
      {found && <ComplaintBody c={found.complaint} steps={found.steps} />}
    </PageShell>
  );
}
