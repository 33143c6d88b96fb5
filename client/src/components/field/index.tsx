import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

/** A labelled form field with its error messages underneath. */
export default function Field({ label, hint, errors, children }: PropsWithChildren<{ label: string; hint?: string; errors?: string[] }>) {
  return (
    <View className="field">
      <View className="field__label">{label}</View>
      {hint && <View className="muted">{hint}</View>}
      {children}
      {(errors ?? []).map((e) => (
        <View key={e} className="field__error">
          {e}
        </View>
      ))}
    </View>
  );
}
