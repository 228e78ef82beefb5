<#import "layout.html.ftl" as layout>
<@layout.page title="تم حذف بياناتك">
<@layout.paragraph>كما طلبت، حذفنا كل ما قد يدل على أنك صاحب هذا البلاغ: عنوان بريدك الإلكتروني، ورسائلك الأصلية، ورمز الإيصال.</@layout.paragraph>
<@layout.code label="الرقم المرجعي:" value=reference/>
<@layout.paragraph>هذه آخر رسالة تصلك منا بشأن هذا البلاغ. لم يعد بإمكاننا ربط عنوانك به، ولذلك لا يمكننا الرد عليك بشأنه أو إضافة ما ترسله إليه. وإذا كتبت إلينا مجددًا فستُستقبل رسالتك بوصفها بلاغًا جديدًا.</@layout.paragraph>
<@layout.paragraph>يبقى ما أبلغت عنه، من دون بياناتك، ليراجعه المراقبون.</@layout.paragraph>
<@layout.signature team="فريق المراقبة" organisation=organisation automatic="هذه رسالة آلية."/>
</@layout.page>
