export default definePageConfig({ navigationBarTitleText: '领导带班值班表' });
