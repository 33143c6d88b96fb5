import { View } from '@tarojs/components';
import { addDays } from '@shared/domain/time';
import { AUTH_METHODS, type AuthMethod } from '@shared/domain/residents';
import DateChips, { ChoiceChips } from '../date-chips';
import Field from '../field';
import MonthGrid from '../month-grid';
import { AUTH_METHOD_LABELS, dateLabel } from '../../services/format';
import { useCenterToday } from '../../services/clock';

export interface Grant {
  method: AuthMethod;
  givenOn: string;
  validUntil: string;
}

/** How, when and until when a resident authorised the agent. */
export default function AuthGrant({
  value,
  onChange,
  errs,
  inApp = false,
}: {
  value: Grant;
  onChange: (g: Grant) => void;
  errs: (field: string) => string[];
  /** Whether the resident uses the mini-program and can confirm there. */
  inApp?: boolean;
}) {
  const methods = AUTH_METHODS.filter((m) => inApp || m !== 'in_app');
  const today = useCenterToday();
  return (
    <View>
      <Field label="授权方式" errors={errs('authorization.method')}>
        <ChoiceChips label="授权方式" options={methods.map((m) => ({ value: m, label: AUTH_METHOD_LABELS[m] }))} value={value.method} onChange={(m) => onChange({ ...value, method: m })} />
      </Field>
      {value.method === 'in_app' && <View className="muted">提交后,群众会在小程序中收到确认请求,本人确认后授权才生效。</View>}
      <Field label="授权日期" errors={errs('authorization.givenOn')}>
        <DateChips label="授权日期" today={today} from={addDays(today, -3)} count={4} max={today} value={value.givenOn} onChange={(d) => onChange({ ...value, givenOn: d })} />
      </Field>
      <Field label="有效期至" errors={errs('authorization.validUntil')}>
        <View className="chips__chosen">有效期至:{value.validUntil ? dateLabel(value.validUntil) : '请在月历中选择'}</View>
        <MonthGrid label="有效期至" today={today} min={today} value={value.validUntil} onChange={(d) => onChange({ ...value, validUntil: d })} />
      </Field>
    </View>
  );
}
