import { Input, Textarea } from '@tarojs/components';
import type { InputProps } from '@tarojs/components/types/Input';
import type { TextareaProps } from '@tarojs/components/types/Textarea';

/**
 * The label of a form control, tied to the control itself (issue 11): in H5 on the inner
 * <input>/<textarea> Taro renders (through nativeProps, the only way in), in the weapp as the
 * aria-label WeChat's 读屏 reads. The visible label stays where the page puts it (Field).
 */
const labelAttrs = (label: string): Record<string, unknown> => (process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label } } : { 'aria-label': label });

/** A text input with its label tied to it (the whole box takes the tap: app.scss's .field__input). */
export default function LabelledInput({ label, className, ...props }: InputProps & { label: string }) {
  return <Input {...props} {...labelAttrs(label)} className={`field__input${className ? ` ${className}` : ''}`} />;
}

/** A textarea with its label tied to it. */
export function LabelledTextarea({ label, className, ...props }: TextareaProps & { label: string }) {
  return <Textarea {...props} {...labelAttrs(label)} className={`field__input field__textarea${className ? ` ${className}` : ''}`} />;
}
