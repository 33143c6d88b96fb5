import { Image, Text, View } from '@tarojs/components';
import { AB_LABELS, SECTION_LABELS, type Sections } from '@shared/domain/disclosure';
import { monthLabel } from '@shared/domain/duty';
import { dayLabel } from '@shared/domain/time';
import PhoneLink from '../components/phone-link';

const limitText = (days: number) => (days === 0 ? '即办件,当场办结' : `${days}个工作日`);

/** One publication's sections (R-CAT-4), as published: every figure also in words. */
export default function PublicationSections({ s }: { s: Sections }) {
  return (
    <View>
      <View className="card">
        <View className="title">一、{SECTION_LABELS.organisation}</View>
        <View className="item-row__name">{s.organisation.centerName}</View>
        <View className="muted">地址:{s.organisation.address}</View>
        <View className="open-text">{s.organisation.text}</View>
      </View>

      <View className="card">
        <View className="title">二、{SECTION_LABELS.windows}</View>
        {s.windows.map((w) => (
          <View key={w.name} className="open-entry">
            <View className="item-row__name">{w.name}</View>
            <View className="open-text">{w.duties}</View>
            {w.phone && (
              <View className="muted">
                窗口电话:<PhoneLink phone={w.phone} what={`${w.name}电话`} />
              </View>
            )}
          </View>
        ))}
      </View>

      <View className="card">
        <View className="title">三、{SECTION_LABELS.staff}</View>
        <View className="muted">A岗为主办人员,B岗在A岗请假、出差时替岗办理(AB岗工作制)。</View>
        {s.staff.map((p) => (
          <View key={`${p.name}|${p.windowName}`} className="open-entry open-person">
            {p.photo && <Image className="open-photo" src={p.photo} mode="aspectFill" aria-label={`${p.name}的照片`} />}
            <View>
              <View className="item-row__name">
                {p.name}
                <Text className="muted"> {p.windowName}</Text>
              </View>
              <View>
                {p.posts.map((x) => (
                  <Text key={`${x.post}${x.ab}`} className="open-tag">
                    {x.post} {AB_LABELS[x.ab]}
                  </Text>
                ))}
              </View>
              <View className="open-text">职责:{p.duties}</View>
            </View>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="title">四、{SECTION_LABELS.commitments}</View>
        <View className="open-text">
          办公时间:工作日 {s.commitments.opensAt}–{s.commitments.closesAt},中午不休息(法定节假日除外)。
        </View>
        <View className="open-text">{s.commitments.text}</View>
        <View className="open-table__row open-table__row--head">
          <View className="open-table__cell">事项</View>
          <View className="open-table__cell">承诺期限</View>
          <View className="open-table__cell">收费</View>
        </View>
        {s.commitments.items.map((i) => (
          <View key={i.code} className="open-table__row">
            <View className="open-table__cell">
              {i.name}
              <Text className="muted">({i.windowName})</Text>
            </View>
            <View className="open-table__cell">{limitText(i.promisedDays)}</View>
            <View className="open-table__cell">{i.fees}</View>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="title">五、{SECTION_LABELS.supervision}</View>
        <View className="open-text">
          监督投诉电话:<PhoneLink phone={s.supervision.complaintPhone} what="监督投诉电话" />
        </View>
        <View className="open-text">
          中心咨询电话:<PhoneLink phone={s.supervision.servicePhone} what="中心咨询电话" />
        </View>
        <View className="open-text">网上投诉:{s.supervision.inApp}</View>
        <View className="open-text">{s.supervision.text}</View>
      </View>

      <View className="card">
        <View className="title">六、{SECTION_LABELS.complaints}</View>
        <View className="open-table__row open-table__row--head">
          <View className="open-table__cell">月份</View>
          <View className="open-table__cell">收到</View>
          <View className="open-table__cell">已答复</View>
          <View className="open-table__cell">按期答复</View>
          <View className="open-table__cell">经查属实</View>
        </View>
        {s.complaints.months.map((m) => (
          <View key={m.month} className="open-table__row">
            <View className="open-table__cell">{monthLabel(m.month)}</View>
            <View className="open-table__cell">{m.received}件</View>
            <View className="open-table__cell">{m.answered}件</View>
            <View className="open-table__cell">{m.answeredOnTime}件</View>
            <View className="open-table__cell">{m.substantiated}件</View>
          </View>
        ))}
        <View className="muted">统计数字不含任何个人信息;当月数字截至发布之日。</View>
      </View>

      <View className="card">
        <View className="title">
          七、{SECTION_LABELS.roster}({monthLabel(s.roster.month)})
        </View>
        {s.roster.days.map((d) => (
          <View key={d.date} className="row">
            <Text>{dayLabel(d.date)}</Text>
            <Text className="item-row__name">{d.leaders.join('、')}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
