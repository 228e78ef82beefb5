إلى فريق الشركاء الموثوقين في ${platformName}:

تبلغكم هيئة رصد الانتخابات بأن المنشورات التالية محتوى ضار بموجب مدونة السلوك الانتخابي،
وتطلب منكم التصرف بشأنها سريعًا.

المنشورات:
<#list posts as post>
- ${post}
</#list>
<#if attached?has_content>

مرفق: نسخ منقّاة من الأدلة (SHA-256):
<#list attached as file>
- ${file.name} ${file.sha256}
</#list>
</#if>
<#if further?has_content>

نسخ منقّاة أخرى متاحة عند الطلب (SHA-256):
<#list further as sha256>
- ${sha256}
</#list>
</#if>

يُرجى الرد على هذه الرسالة مع إبقاء [${escalationReference}] في الموضوع، وذكر ما إذا كان المحتوى قد أُزيل
أو وُسم أو تُرك ولماذا.

${organisation}
