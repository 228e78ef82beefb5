<#import "layout.html.ftl" as layout>
<@layout.page title="تحديث بشأن بلاغك">
<@layout.paragraph><#switch status><#case "INVESTIGATING">بلاغك الآن قيد التحقق.<#break><#case "RESOLVED">انتهينا من معالجة بلاغك.<#break><#case "REJECTED">بعد المراجعة، لن نتابع هذا البلاغ.<#break><#case "CLOSED">تم إغلاق بلاغك.<#break><#default>بلاغك قيد المراجعة.</#switch></@layout.paragraph>
<@layout.code label="الرقم المرجعي:" value=reference/>
<#if message?has_content>
<@layout.paragraph>رسالة من فريق المراقبة:</@layout.paragraph>
<p dir="auto" style="margin:16px 0;white-space:pre-wrap;">${message}</p>
</#if>
<@layout.paragraph>للرد أو لإضافة معلومات، يُرجى الرد على هذه الرسالة مع إبقاء الرقم المرجعي في سطر الموضوع.</@layout.paragraph>
<@layout.paragraph>نحافظ على سرية هويتك، ولا يطّلع المراقبون على اسمك أو عنوان بريدك الإلكتروني أبدًا.</@layout.paragraph>
<@layout.signature team="فريق المراقبة" organisation=organisation automatic="أرسل فريق المراقبة هذه الرسالة."/>
</@layout.page>
