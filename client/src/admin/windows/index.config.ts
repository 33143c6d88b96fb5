export default definePageConfig({ navigationBarTitleText: '窗口预约设置' });
