export default definePageConfig({ navigationBarTitleText: '信访答复期限设置' });
