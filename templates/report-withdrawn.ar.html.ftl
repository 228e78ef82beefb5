<#import "layout.html.ftl" as layout>
<@layout.page title="تم سحب بلاغك">
<@layout.paragraph>تم سحب بلاغك كما طلبت.</@layout.paragraph>
<@layout.code label="الرقم المرجعي:" value=reference/>
<@layout.paragraph>أُبلغ المراقبون بذلك، ولن نراسلك بشأن هذا البلاغ مرة أخرى. يبقى البلاغ محفوظًا بوصفه بلاغًا مسحوبًا فقط، ولن يُتابَع التحقيق فيه.</@layout.paragraph>
<@layout.paragraph>إذا أردت أيضًا أن نحذف كل ما قد يدل على هويتك، فأرسل ردًا على هذه الرسالة يكون سطره الأول كلمة واحدة: امسح</@layout.paragraph>
<@layout.signature team="فريق المراقبة" organisation=organisation automatic="هذه رسالة آلية."/>
</@layout.page>
