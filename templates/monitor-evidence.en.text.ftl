Scrubbed evidence of ${reference}, as asked by ${request} (mail ${mail} of ${mails}):

<#list files as file>
${file.number}. ${file.name} SHA-256 ${file.sha256}
<#if file.flags?has_content>   Flagged ${file.flags}: sent because you asked for it. Open it only on a machine set aside for it.
</#if>
</#list>

${organisation}
