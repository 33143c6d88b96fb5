import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { complaintsApi } from '../../services/fn/complaints';
import { dateLabel } from '../../services/format';
import { useLoad } from '../../services/use-load';
import Tap from '../../components/tap';

/**
 * 投诉警示 (R-CMP-6): staff and windows with substantiated complaints over a rolling 12 months —
 * the first a 通报 flag, the second a 下岗 flag — with the complaints behind each flag.
 */
function Flags() {
  const res = useLoad(() => complaintsApi.flags({}), 'flags');
  const flags = res.data?.flags ?? [];
  return (
    <PageShell>
      <View className="muted">一次投诉,查实通报;二次投诉,查实下岗。以下按近12个月内查实的投诉计算。</View>
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && flags.length === 0 ? '近12个月没有查实的投诉,谢谢大家的努力。' : null} />
      {flags.map((f) => (
        <View key={`${f.subjectKind}:${f.subjectId}`} className="card">
          <View className="row">
            <View className="item-row__name">
              {f.subjectKind === 'window' ? '窗口' : '工作人员'}:{f.name}
            </View>
            <Text className={f.level === 'dismissal' ? 'tag tag--danger' : 'tag tag--warn'}>{f.levelLabel}</Text>
          </View>
          <View className="muted para">{dateLabel(f.raisedOn)}起</View>
          {f.complaints.map((c) => (
            <Tap role="link" onTap={() => void Taro.navigateTo({ url: `/office/complaint/index?id=${encodeURIComponent(c.id)}` })} key={c.id} className="row">
              <View className="item-row">
                <View>
                  {c.number} · {dateLabel(c.closedOn)}查实
                </View>
                <Text className="muted">{c.findings}</Text>
              </View>
            </Tap>
          ))}
        </View>
      ))}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['office', 'leader']} who="中心管理办公室和中心领导">
      <Flags />
    </RoleGate>
  );
}
