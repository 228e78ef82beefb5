<#import "layout.html.ftl" as layout>
<@layout.page title="تم استلام بلاغك">
<@layout.paragraph>شكرًا لك، تم استلام بلاغك.</@layout.paragraph>
<@layout.code label="الرقم المرجعي:" value=reference/>
<#if receiptCode?has_content>
<@layout.code label="رمز الإيصال الخاص بك:" value=receiptCode/>
</#if>
<#if files?has_content>
<@layout.paragraph>كانت رسالتك أكبر مما يمكننا استلامه، لذلك لم تصلنا هذه الملفات:<br><#list files?split("\n") as file><span dir="ltr">${file}</span><#sep><br></#sep></#list></@layout.paragraph>
<@layout.paragraph>وصلنا نص رسالتك. يُرجى إرسال كل ملف من جديد في رد منفصل على هذه الرسالة مع إبقاء الرقم المرجعي في سطر الموضوع، على ألا يتجاوز حجم كل ملف 25 ميغابايت. ويمكن عادةً تقصير الفيديو أو ضغطه على الهاتف قبل إرساله.</@layout.paragraph>
<#if largeFilesChannel?has_content>
<@layout.paragraph>وإذا تعذّر تصغير ملف، فيمكنك أيضًا إرساله بهذه الطريقة: <span dir="ltr">${largeFilesChannel}</span></@layout.paragraph>
</#if>
</#if>
<@layout.paragraph>يُرجى الاحتفاظ بهذا الرقم المرجعي، فهو وسيلتنا للوصول إلى بلاغك.</@layout.paragraph>
<@layout.paragraph>لإضافة معلومات أو أدلة، يُرجى الرد على هذه الرسالة مع إبقاء الرقم المرجعي في سطر الموضوع. ويمكن أيضًا الكتابة إلى <span dir="ltr">${mailbox}</span> مع ذكر الرقم المرجعي في الموضوع.</@layout.paragraph>
<#if receiptCode?has_content>
<@layout.paragraph>عند مراسلتنا من عنوان بريد إلكتروني آخر، يُرجى ذكر رمز الإيصال في الرسالة لكي نتمكن من إضافتها إلى بلاغك. ويُرجى عدم إطلاع أحد على رمز الإيصال.</@layout.paragraph>
</#if>
<@layout.paragraph>نحافظ على سرية هويتك، ولا يطّلع المراقبون الذين يراجعون البلاغات على اسمك أو عنوان بريدك الإلكتروني أبدًا.</@layout.paragraph>
<@layout.paragraph>يبقى بلاغك تحت تصرفك. أرسل ردًا على هذه الرسالة يكون سطره الأول كلمة واحدة: «سحب» (أو «اسحب البلاغ») لسحب البلاغ، أو «امسح» (أو «احذف هويتي») لنحذف كل ما قد يدل على هويتك (عنوانك، ورسالتك الأصلية، ورمز الإيصال). ونؤكد كل طلب برسالة أخيرة واحدة. تُقبل أيضًا الكلمتان الإنجليزيتان withdraw وerase.</@layout.paragraph>
<@layout.paragraph>إذا كنت في وضع قد يعرّضك للخطر، فيُرجى عدم مراسلتنا من جهاز يمكن لغيرك الاطلاع عليه، وحذف هذه الرسالة بعد تدوين الرقم المرجعي في مكان آمن.</@layout.paragraph>
<@layout.signature team="فريق المراقبة" organisation=organisation automatic="هذه رسالة آلية."/>
</@layout.page>
