export default definePageConfig({ navigationBarTitleText: '投诉答复书' });
