کۆپییە پاککراوەکانی بەڵگەکانی ${reference}، وەک بە ${request} داوات کرد (نامەی ${mail} لە ${mails}):

<#list files as file>
${file.number}. ${file.name} SHA-256 ${file.sha256}
<#if file.flags?has_content>   نیشانکراوە بە ${file.flags}: نێردرا چونکە داوات کرد. تەنها لەسەر ئامێرێکی تەرخانکراو بۆ ئەم کارە بیکەرەوە.
</#if>
</#list>

${organisation}
