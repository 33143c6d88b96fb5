import { View } from '@tarojs/components';
import { TapButton } from '../tap';
import './index.scss';

/**
 * The app's own large confirmation (issue 11): the platform's dialog (showModal) stays small and
 * grey in 长辈模式 and paints the destructive button green. This one is sized from the page's
 * variables, so 长辈模式 enlarges it; the act's button is red and worded as the act
 * (`act`, e.g. "确定取消预约"); the other one keeps things as they are.
 */
export default function ConfirmDialog({
  title,
  busy,
  onConfirm,
  onCancel,
  message = '提交后不能撤回或修改,请核对无误后再确定。',
  act = '确定',
  cancel = '再检查一下',
  danger = true,
}: {
  title: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** What happens, in words. */
  message?: string;
  /** The act's button, worded as the act. */
  act?: string;
  cancel?: string;
  /** Red (destructive or irreversible); false for a plain confirmation. */
  danger?: boolean;
}) {
  return (
    <View className="erase-dialog" role="alertdialog" aria-modal="true" aria-label={title}>
      <View className="erase-dialog__box">
        <View className="erase-dialog__title">{title}</View>
        <View className="para">{message}</View>
        <TapButton type={danger ? 'danger' : 'primary'} loading={busy} onTap={onConfirm}>
          {act}
        </TapButton>
        <TapButton onTap={onCancel}>{cancel}</TapButton>
      </View>
    </View>
  );
}
