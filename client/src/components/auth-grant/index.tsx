import { Picker, View } from '@tarojs/components';
import { AUTH_METHODS, type AuthMethod } from '@shared/domain/residents';
import Field from '../field';
import { AUTH_METHOD_LABELS } from '../../services/format';

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
  return (
    <View>
      <Field label="授权方式" errors={errs('authorization.method')}>
        <Picker mode="selector" range={methods.map((m) => AUTH_METHOD_LABELS[m])} value={Math.max(0, methods.indexOf(value.method))} onChange={(e) => onChange({ ...value, method: methods[Number(e.detail.value)] ?? 'paper' })}>
          <View className="field__input">{AUTH_METHOD_LABELS[value.method]}</View>
        </Picker>
      </Field>
      {value.method === 'in_app' && <View className="muted">提交后,群众会在小程序中收到确认请求,本人确认后授权才生效。</View>}
      <Field label="授权日期" errors={errs('authorization.givenOn')}>
        <Picker mode="date" value={value.givenOn} onChange={(e) => onChange({ ...value, givenOn: e.detail.value })}>
          <View className="field__input">{value.givenOn}</View>
        </Picker>
      </Field>
      <Field label="有效期至" errors={errs('authorization.validUntil')}>
        <Picker mode="date" value={value.validUntil} onChange={(e) => onChange({ ...value, validUntil: e.detail.value })}>
          <View className="field__input">{value.validUntil}</View>
        </Picker>
      </Field>
    </View>
  );
}
