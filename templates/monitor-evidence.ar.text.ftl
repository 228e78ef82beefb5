النسخ المنقّاة من أدلة ${reference}، كما طلبت بـ ${request} (الرسالة ${mail} من ${mails}):

<#list files as file>
${file.number}. ${file.name} SHA-256 ${file.sha256}
<#if file.flags?has_content>   موسوم ${file.flags}: أُرسل لأنك طلبته. لا تفتحه إلا على جهاز مخصص لذلك.
</#if>
</#list>

${organisation}
