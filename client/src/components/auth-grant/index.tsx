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
export default function AuthGrant({ value, onChange, errs }: { value: Grant; onChange: (g: Grant) => void; errs: (field: string) => string[] }) {
  return (
    <View>
      <Field label="授权方式" errors={errs('authorization.method')}>
        <Picker mode="selector" range={AUTH_METHODS.map((m) => AUTH_METHOD_LABELS[m])} value={AUTH_METHODS.indexOf(value.method)} onChange={(e) => onChange({ ...value, method: AUTH_METHODS[Number(e.detail.value)] ?? 'paper' })}>
          <View className="field__input">{AUTH_METHOD_LABELS[value.method]}</View>
        </Picker>
      </Field>
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
