<#import "layout.html.ftl" as layout>
<@layout.page title="تم إغلاق هذه القضية">
<@layout.paragraph>شكرًا لمراسلتنا مجددًا.</@layout.paragraph>
<@layout.code label="الرقم المرجعي:" value=reference/>
<@layout.paragraph>تم إغلاق هذه القضية، وكما وعدنا حُذفت البيانات التي قد تكشف هوية صاحب البلاغ، لذلك لا يمكننا إضافة رسالتك إليها.</@layout.paragraph>
<@layout.paragraph>إذا كان لديك شيء جديد للإبلاغ عنه، فيُرجى إرسال رسالة جديدة إلى <span dir="ltr">${mailbox}</span> من دون هذا الرقم المرجعي في الموضوع، وسيتم استلامها كبلاغ جديد.</@layout.paragraph>
<@layout.signature team="فريق المراقبة" organisation=organisation automatic="هذه رسالة آلية."/>
</@layout.page>
