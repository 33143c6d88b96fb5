export default definePageConfig({ navigationBarTitleText: '窗口预约' });
