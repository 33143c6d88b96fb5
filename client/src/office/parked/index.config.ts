export default definePageConfig({ navigationBarTitleText: '未送达的微信提醒' });
