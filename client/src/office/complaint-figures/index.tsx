import { View } from '@tarojs/components';
import { useState } from 'react';
import { COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_LABELS, COMPLAINT_CLASSES, COMPLAINT_CLASS_LABELS } from '@shared/domain/complaints';
import { monthLabel } from '@shared/domain/duty';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { complaintsApi } from '../../services/fn/complaints';
import { getCenterId, getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import './index.scss';
import Tap from '../../components/tap';
import { useCenterToday } from '../../services/clock';

/**
 * 投诉情况公示 (issue 9.9, 公布): each month's complaint figures — received by channel and class,
 * answered on time, substantiated — with no personal data. Public: villagers reach it too.
 */
export default function Figures() {
  const centerId = getSession()?.user.centerId ?? getCenterId() ?? '';
  const thisYear = Number(useCenterToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const res = useLoad(() => complaintsApi.monthFigures({ centerId, year }), `${centerId}|${year}`);
  const months = (res.data?.months ?? []).filter((m) => m.received > 0 || m.answered > 0);
  const rows: Array<{ label: string; value: (m: (typeof months)[number]) => number }> = [
    { label: '收到投诉', value: (m) => m.received },
    ...COMPLAINT_CHANNELS.map((ch) => ({ label: `其中${COMPLAINT_CHANNEL_LABELS[ch]}`, value: (m: (typeof months)[number]) => m.byChannel[ch] ?? 0 })),
    ...COMPLAINT_CLASSES.map((k) => ({ label: COMPLAINT_CLASS_LABELS[k], value: (m: (typeof months)[number]) => m.byClass[k] ?? 0 })),
    { label: '已答复', value: (m) => m.answered },
    { label: '按期答复', value: (m) => m.answeredOnTime },
    { label: '经查属实', value: (m) => m.substantiated },
  ];
  return (
    <PageShell>
      <View className="muted">本中心每月投诉受理和处理情况,接受群众监督。公示数字不含任何个人信息。</View>
      <View className="day-tabs">
        {[thisYear - 1, thisYear].map((y) => (
          <Tap role="radio" checked={year === y} label={`${y}年`} onTap={() => setYear(y)} key={y} className={`day-tab${year === y ? ' day-tab--on' : ''}`}>
            {y}年
          </Tap>
        ))}
      </View>
      {!centerId && <View className="card">请先在首页选择您所在的服务中心,谢谢。</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && months.length === 0 ? `${year}年暂无投诉记录。` : null} />
      {months.map((m) => (
        <View key={m.month} className="card cmp-table">
          <View className="title">{monthLabel(m.month)}</View>
          {rows.map((r) => (
            <View key={r.label} className="cmp-table__row">
              <View className="cmp-table__cell">{r.label}</View>
              <View className="cmp-table__cell">{r.value(m)}件</View>
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  );
}
